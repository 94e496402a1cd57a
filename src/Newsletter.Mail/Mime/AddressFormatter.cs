// Turns mailboxes into header segments: addr-spec validation, punycode domains and display-name encoding.
using System.Globalization;

namespace Newsletter.Mail.Mime;

/// <summary>Formats mailboxes per RFC 5322 §3.4 with RFC 2047 display names and IDNA (RFC 5891) domains.</summary>
internal static class AddressFormatter
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>
    /// Returns the ASCII addr-spec for <paramref name="address"/>: the domain converted to punycode, the local part
    /// quoted when it is not a dot-atom.
    /// </summary>
    /// <exception cref="ArgumentException">The address is malformed or its local part is not ASCII.</exception>
    public static string ToAsciiAddrSpec(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        int at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            throw new ArgumentException($"'{address}' is not an addr-spec of the form local-part@domain.", nameof(address));
        }

        string local = address[..at];
        string domain = address[(at + 1)..];
        foreach (char c in address)
        {
            if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || (c == ' ' && !local.StartsWith('"')))
            {
                throw new ArgumentException($"'{address}' contains a character not allowed in an address.", nameof(address));
            }
        }

        foreach (char c in local)
        {
            if (c > 0x7E)
            {
                throw new ArgumentException(
                    $"'{address}' has a non-ASCII local part, which needs SMTPUTF8 and RFC 6532 headers; only the domain may be internationalised.",
                    nameof(address));
            }
        }

        return QuoteLocalPart(local) + "@" + ToAsciiDomain(domain);
    }

    /// <summary>Converts a domain to its ASCII form (A-labels); domain literals such as <c>[192.0.2.1]</c> pass through.</summary>
    /// <exception cref="ArgumentException">The domain is not a valid IDN.</exception>
    public static string ToAsciiDomain(string domain)
    {
        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            return domain;
        }

        bool ascii = true;
        foreach (char c in domain)
        {
            if (c > 0x7E)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return domain;
        }

        try
        {
            return Idn.GetAscii(domain);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"'{domain}' is not a valid internationalised domain name.", nameof(domain), ex);
        }
    }

    /// <summary>Appends one mailbox as header segments, with a leading space unless it is the first in the field.</summary>
    public static void AppendMailbox(List<HeaderSegment> segments, MailAddress mailbox, bool trailingComma)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        string addrSpec = ToAsciiAddrSpec(mailbox.Address);
        string comma = trailingComma ? "," : "";
        string? name = NormaliseDisplayName(mailbox.DisplayName);
        if (name is null)
        {
            segments.Add(new HeaderSegment(" ", addrSpec + comma));
            return;
        }

        if (EncodedWord.IsNeeded(name))
        {
            // Kept below 75 so that a word placed right after "To: " still fits in 78 columns.
            foreach (string word in EncodedWord.Encode(name, 60))
            {
                segments.Add(new HeaderSegment(" ", word));
            }
        }
        else if (IsAtomPhrase(name))
        {
            foreach (var word in HeaderFolding.SplitAtWhitespace(name))
            {
                segments.Add(new HeaderSegment(" ", word.Text));
            }
        }
        else
        {
            segments.Add(new HeaderSegment(" ", Quote(name)));
        }

        segments.Add(new HeaderSegment(" ", "<" + addrSpec + ">" + comma));
    }

    private static string? NormaliseDisplayName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return name.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Trim();
    }

    // A phrase of atoms separated by single spaces can be written bare; anything else needs quoting.
    private static bool IsAtomPhrase(string name)
    {
        if (name.Contains("  ", StringComparison.Ordinal) || name.Contains('\t'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (c != ' ' && !IsAtext(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string QuoteLocalPart(string local)
    {
        if (local.StartsWith('"') && local.EndsWith('"') && local.Length >= 2)
        {
            return local;
        }

        bool dotAtom = !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal);
        foreach (char c in local)
        {
            if (c != '.' && !IsAtext(c))
            {
                dotAtom = false;
            }
        }

        return dotAtom ? local : Quote(local);
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>RFC 5322 §3.2.3 atext.</summary>
    public static bool IsAtext(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`'
        or '{' or '|' or '}' or '~';
}
