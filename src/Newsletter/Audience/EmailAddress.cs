// Practical validation and normalisation of subscriber addresses (RFC 5321 §4.1.2, §4.5.3; RFC 5322 §3.4.1).
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Newsletter.Audience;

/// <summary>
/// Validates an address the way real mail systems accept it: dot-atom local part (RFC 5322 §3.4.1, no quoted
/// forms), at most 64 octets local and 254 overall (RFC 5321 §4.5.3.1), a domain of at least two labels, each
/// 1–63 letters, digits or hyphens. International domains become punycode (RFC 5890/5891).
/// </summary>
public static class EmailAddress
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";
    private const string LettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Vectorised set searches: a million-row import checks every character of every address against these.
    private static readonly SearchValues<char> LocalChars = SearchValues.Create(LettersAndDigits + "." + AtomSpecials);
    private static readonly SearchValues<char> LabelChars = SearchValues.Create(LettersAndDigits + "-");
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>Returns the normalised address (trimmed, domain lower-cased in punycode).</summary>
    /// <exception cref="InputException">The address is invalid; the message says why.</exception>
    public static string Normalize(string address) =>
        TryNormalize(address, out var normalized, out var reason) ? normalized : throw new InputException(reason);

    /// <summary>Validates and normalises <paramref name="address"/>; on failure <paramref name="reason"/> says why.</summary>
    public static bool TryNormalize(string? address, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? reason)
    {
        normalized = null;
        reason = Check(address?.Trim(), out var local, out var domain);
        if (reason is not null) return false;
        if (!TryAsciiDomain(domain!, out var asciiDomain))
        {
            reason = $"the domain '{domain}' is not a valid international domain name";
            return false;
        }
        reason = CheckDomain(asciiDomain) ?? (local!.Length + 1 + asciiDomain.Length > 254 ? "the address is longer than 254 characters" : null);
        if (reason is not null) return false;
        normalized = local + "@" + asciiDomain;
        return true;
    }

    // Plain ASCII domains (nearly all of a large import) skip the IDNA mapping; punycode labels still go through it
    // so a malformed xn-- label is caught.
    private static bool TryAsciiDomain(string domain, out string asciiDomain)
    {
        if (IsPlainAsciiDomain(domain))
        {
            asciiDomain = domain.ToLowerInvariant();
            return true;
        }
        try
        {
            asciiDomain = Idn.GetAscii(domain).ToLowerInvariant();
            return true;
        }
        catch (ArgumentException)
        {
            asciiDomain = "";
            return false;
        }
    }

    // Letters, digits and inner hyphens in labels of 1-63 characters, no punycode: exactly what the IDNA mapping
    // would return lower-cased, so the two paths give the same answers.
    private static bool IsPlainAsciiDomain(string domain)
    {
        if (domain.Contains("xn--", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var range in domain.AsSpan().Split('.'))
        {
            var label = domain.AsSpan(range);
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || label.ContainsAnyExcept(LabelChars)) return false;
        }
        return true;
    }

    private static string? Check(string? address, out string? local, out string? domain)
    {
        local = domain = null;
        if (string.IsNullOrEmpty(address)) return "the address is empty";
        var at = address.LastIndexOf('@');
        if (at < 0) return $"'{address}' has no '@'";
        local = address[..at];
        domain = address[(at + 1)..];
        if (local.Length == 0) return $"'{address}' has nothing before the '@'";
        if (domain.Length == 0) return $"'{address}' has no domain after the '@'";
        if (local.Length > 64) return "the part before the '@' is longer than 64 characters";
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..")) return $"'{local}' has a misplaced dot";
        var bad = local.AsSpan().IndexOfAnyExcept(LocalChars);
        return bad < 0 ? null : $"'{local}' contains '{local[bad]}', which addresses may not use unquoted";
    }

    private static string? CheckDomain(string domain)
    {
        if (!domain.Contains('.')) return $"the domain '{domain}' needs at least one dot";
        var last = ReadOnlySpan<char>.Empty;
        foreach (var range in domain.AsSpan().Split('.'))
        {
            var label = domain.AsSpan(range);
            if (label.Length is 0 or > 63) return $"the domain '{domain}' has an empty or over-long label";
            if (label[0] == '-' || label[^1] == '-') return $"the domain label '{label}' starts or ends with '-'";
            if (label.ContainsAnyExcept(LabelChars)) return $"the domain '{domain}' contains characters domains may not use";
            last = label;
        }
        if (!last.ContainsAnyExceptInRange('0', '9')) return $"the domain '{domain}' ends in a number";
        return null;
    }
}
