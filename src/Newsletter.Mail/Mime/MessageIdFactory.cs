// Creates and validates Message-ID / Content-ID values (the part between the angle brackets).
using System.Globalization;
using System.Security.Cryptography;

namespace Newsletter.Mail.Mime;

/// <summary>Message identifiers per RFC 5322 §3.6.4 (msg-id, also used for Content-ID by RFC 2045 §7).</summary>
public static class MessageIdFactory
{
    /// <summary>
    /// Creates a unique identifier of the form <c>{prefix.}yyyyMMddHHmmss.{16 random hex}@{domain}</c> without
    /// angle brackets.
    /// </summary>
    /// <param name="domain">The right-hand side, usually the sending domain; an IDN is converted to punycode.</param>
    /// <param name="prefix">Optional readable prefix made of RFC 5322 atext characters and dots, e.g. an issue slug.</param>
    /// <param name="now">Timestamp to embed; defaults to the current UTC time.</param>
    /// <returns>The identifier, e.g. <c>2026-11-20-slug.20261120093000.8f3a9c01d2e4b5f6@news.example.com</c>.</returns>
    /// <exception cref="ArgumentException">The domain or prefix is not usable in a msg-id.</exception>
    public static string Create(string domain, string? prefix = null, DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        string stamp = (now ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string left = string.IsNullOrEmpty(prefix) ? $"{stamp}.{random}" : $"{prefix}.{stamp}.{random}";
        return Normalise(left + "@" + domain);
    }

    /// <summary>
    /// Validates an identifier and returns it in the form written to headers: surrounding angle brackets removed, a
    /// non-ASCII right side converted to punycode.
    /// </summary>
    /// <param name="id">The identifier, shape <c>id-left@id-right</c>, with or without angle brackets.</param>
    /// <returns>The ASCII identifier without angle brackets.</returns>
    /// <exception cref="ArgumentException">The identifier is empty, lacks '@', or contains whitespace, brackets, control or non-ASCII characters on its left side.</exception>
    public static string Normalise(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length >= 2 && id[0] == '<' && id[^1] == '>')
        {
            id = id[1..^1];
        }

        int at = id.LastIndexOf('@');
        if (at <= 0 || at == id.Length - 1)
        {
            throw new ArgumentException($"'{id}' is not an identifier of the form id-left@id-right.", nameof(id));
        }

        string left = id[..at];
        string right = AddressFormatter.ToAsciiDomain(id[(at + 1)..]);
        foreach (char c in left + right)
        {
            if (c <= 32 || c >= 127 || c is '<' or '>' or '"' or '\\' or '(' or ')' or ',' or ';' or ':')
            {
                throw new ArgumentException($"'{id}' contains a character not allowed in a msg-id (RFC 5322 §3.6.4).", nameof(id));
            }
        }

        return left + "@" + right;
    }
}
