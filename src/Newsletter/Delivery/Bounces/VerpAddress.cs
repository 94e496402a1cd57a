// Per-delivery envelope senders (VERP): bounces+TOKEN@domain, where the token names the delivery and is signed.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newsletter.Audience;
using Newsletter.Signing;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Variable envelope return paths: each delivery is sent with the envelope sender (RFC 5321 §4.1.1.2
/// <c>reverse-path</c>) <c>LOCAL+TOKEN@DOMAIN</c> built from the configured bounce address <c>LOCAL@DOMAIN</c>, so a
/// bounce that reaches the bounce mailbox says which delivery failed even when its text names no recipient.
/// <para>
/// TOKEN is <c>ID-TAG</c>: the delivery id in decimal, a hyphen, and 8 characters of lower-case base32 (RFC 4648 §6
/// alphabet) holding the signing key's id and the first 4 bytes of HMAC-SHA256 (RFC 2104) over <c>verp:ID</c>.
/// Every character is RFC 5321 §4.1.2 <c>atext</c>, and the token reads the same after a mail system lower-cases
/// or upper-cases it. The 32-bit tag makes a forged token (naming someone else's delivery) fail verification.
/// </para>
/// </summary>
public sealed class VerpAddress
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int TagBytes = 4;
    private readonly SigningKeyRing _keys;

    /// <summary>Builds envelope senders from <paramref name="bounceAddress"/> (e.g. <c>bounces@news.example.com</c>).</summary>
    /// <exception cref="InputException">The bounce address is not a valid address, or its local part already holds a <c>+</c>.</exception>
    public VerpAddress(string bounceAddress, SigningKeyRing keys)
    {
        var normalized = EmailAddress.Normalize(bounceAddress);
        var at = normalized.LastIndexOf('@');
        Local = normalized[..at];
        Domain = normalized[(at + 1)..];
        if (Local.Contains('+'))
            throw new InputException($"the bounce address '{bounceAddress}' may not contain '+': it separates the delivery token");
        _keys = keys;
    }

    /// <summary>The bounce address's local part, e.g. <c>bounces</c>.</summary>
    public string Local { get; }

    /// <summary>The bounce address's domain, lower case (punycode for international domains).</summary>
    public string Domain { get; }

    /// <summary>The envelope sender for one delivery: <c>bounces+1234-abcdefgh@news.example.com</c>.</summary>
    /// <param name="deliveryId">The delivery row id (positive).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deliveryId"/> is not positive.</exception>
    public string EnvelopeFor(long deliveryId) => $"{Local}+{TokenFor(deliveryId)}@{Domain}";

    /// <summary>The token alone, <c>ID-TAG</c>, e.g. <c>1234-abcdefgh</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deliveryId"/> is not positive.</exception>
    public string TokenFor(long deliveryId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(deliveryId);
        return deliveryId.ToString(CultureInfo.InvariantCulture) + "-" + Base32(Tag(_keys.SigningKeyId, _keys.SigningKey, deliveryId));
    }

    /// <summary>
    /// Finds the token in <paramref name="address"/> when it is one of this bounce address's VERP forms
    /// (<c>LOCAL+TOKEN@DOMAIN</c>, compared without regard to case; angle brackets and a display name are ignored).
    /// The token is returned as found, lower-cased, and is not yet verified.
    /// </summary>
    public bool TryFindToken(string? address, [NotNullWhen(true)] out string? token)
    {
        token = null;
        if (string.IsNullOrWhiteSpace(address)) return false;
        var text = address.Trim();
        if (text.LastIndexOf('<') is >= 0 and var open && text.IndexOf('>', open) is > 0 and var close) text = text[(open + 1)..close];
        var at = text.LastIndexOf('@');
        if (at <= 0 || !text[(at + 1)..].Trim().Equals(Domain, StringComparison.OrdinalIgnoreCase)) return false;
        var local = text[..at];
        var prefix = Local + "+";
        if (!local.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || local.Length == prefix.Length) return false;
        token = local[prefix.Length..].ToLowerInvariant();
        return true;
    }

    /// <summary>
    /// Checks a token's signature against every key of the ring (so tokens survive a key rotation) and returns the
    /// delivery id it names; false for a malformed, altered or foreign token.
    /// </summary>
    public bool TryVerify(string? token, out long deliveryId)
    {
        deliveryId = 0;
        if (token is null) return false;
        var dash = token.IndexOf('-');
        if (dash <= 0 || !long.TryParse(token.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            return false;
        if (!TryFromBase32(token[(dash + 1)..], out var bytes) || bytes.Length != 1 + TagBytes) return false;
        foreach (var key in _keys.Find(bytes[0]))
        {
            if (CryptographicOperations.FixedTimeEquals(Tag(bytes[0], key, id), bytes))
            {
                deliveryId = id;
                return true;
            }
        }
        return false;
    }

    private static byte[] Tag(byte keyId, byte[] key, long deliveryId)
    {
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("verp:" + deliveryId.ToString(CultureInfo.InvariantCulture)));
        var tag = new byte[1 + TagBytes];
        tag[0] = keyId;
        mac.AsSpan(0, TagBytes).CopyTo(tag.AsSpan(1));
        return tag;
    }

    // Five bytes are exactly eight base32 characters, so no padding is ever needed.
    private static string Base32(byte[] bytes)
    {
        var bits = 0UL;
        foreach (var b in bytes) bits = (bits << 8) | b;
        var chars = new char[bytes.Length * 8 / 5];
        for (var i = chars.Length - 1; i >= 0; i--, bits >>= 5) chars[i] = Alphabet[(int)(bits & 31)];
        return new string(chars);
    }

    private static bool TryFromBase32(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 8) return false;
        var bits = 0UL;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(c));
            if (value < 0) return false;
            bits = (bits << 5) | (uint)value;
        }
        bytes = new byte[5];
        for (var i = 4; i >= 0; i--, bits >>= 8) bytes[i] = (byte)(bits & 0xFF);
        return true;
    }
}
