// Signed, time-stamped form tokens that bind a poll page's forms to its personal link (our own antiforgery).
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Newsletter.Signing;

/// <summary>Which form a <see cref="FormToken"/> was issued for.</summary>
public enum FormKind : byte
{
    /// <summary>The vote page a poll link opens; its script submits the form at once (one click for the reader).</summary>
    PageVote = 1,
    /// <summary>The button the reader presses on the fallback page.</summary>
    PressedVote = 2,
    /// <summary>The thank-you page's forms: "change my rating" buttons and the optional comment.</summary>
    ThankYou = 3,
    /// <summary>The re-subscribe button on the unsubscribe page.</summary>
    Resubscribe = 4,
}

/// <summary>
/// A form token: <c>base64url(version, key id, kind, issued-at in Unix milliseconds as 8 bytes big-endian,
/// HMAC-SHA256(key, "newsletter-form" ‖ kind ‖ issued-at ‖ vote token)[0..16])</c>, 36 characters.
/// It proves that the form was served by us for this personal link at that time (so a POST cannot be made without
/// first fetching the page, and the server knows when the page was fetched), and it expires. It is our
/// antiforgery token: there are no cookies, the vote link itself is the credential, and the token binds the form
/// to it (the signed double-submit pattern of the OWASP CSRF cheat sheet, keyed by the link instead of a session).
/// </summary>
public sealed class FormToken(SigningKeyRing keys, TimeProvider clock)
{
    private const byte Version = 1;
    private const int TagLength = 16;
    private const int HeaderLength = 3 + 8;
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("newsletter-form");

    /// <summary>A fresh token for a form of <paramref name="kind"/> on the page of <paramref name="linkToken"/>.</summary>
    public string Create(FormKind kind, string linkToken) => Create(kind, linkToken, clock.GetUtcNow());

    /// <summary>A token issued at <paramref name="issuedAt"/> (benchmarks and tests pre-date tokens with it).</summary>
    public string Create(FormKind kind, string linkToken, DateTimeOffset issuedAt)
    {
        Span<byte> buffer = stackalloc byte[HeaderLength + TagLength];
        buffer[0] = Version;
        buffer[1] = keys.SigningKeyId;
        buffer[2] = (byte)kind;
        BinaryPrimitives.WriteInt64BigEndian(buffer[3..], issuedAt.ToUnixTimeMilliseconds());
        Sign(keys.SigningKey, buffer[..HeaderLength], linkToken, buffer[HeaderLength..]);
        return Base64Url.EncodeToString(buffer);
    }

    /// <summary>
    /// Verifies that <paramref name="formToken"/> was issued by us for <paramref name="linkToken"/>, is of
    /// <paramref name="kind"/> and is at most <paramref name="maxAge"/> old; gives the time it was issued.
    /// </summary>
    public bool TryVerify(string? formToken, string linkToken, TimeSpan maxAge, out FormKind kind, out DateTimeOffset issuedAt)
    {
        kind = default;
        issuedAt = default;
        Span<byte> bytes = stackalloc byte[HeaderLength + TagLength + 3];
        if (formToken is null || formToken.Length != 36 || !Base64UrlText.TryDecode(formToken, bytes, out var written) || written != HeaderLength + TagLength)
            return false;
        if (bytes[0] != Version || !Enum.IsDefined((FormKind)bytes[2])) return false;
        Span<byte> expected = stackalloc byte[TagLength];
        var signed = false;
        foreach (var key in keys.Find(bytes[1]))
        {
            Sign(key, bytes[..HeaderLength], linkToken, expected);
            signed |= CryptographicOperations.FixedTimeEquals(expected, bytes[HeaderLength..written]);
        }
        if (!signed) return false;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes[3..]));
        var age = clock.GetUtcNow() - at;
        // A token from the future (clock skew beyond a few seconds) is as suspect as an old one.
        if (age > maxAge || age < TimeSpan.FromSeconds(-5)) return false;
        kind = (FormKind)bytes[2];
        issuedAt = at;
        return true;
    }

    /// <summary>Like <see cref="TryVerify(string?, string, TimeSpan, out FormKind, out DateTimeOffset)"/>, also requiring one of <paramref name="allowed"/>.</summary>
    public bool TryVerify(string? formToken, string linkToken, TimeSpan maxAge, ReadOnlySpan<FormKind> allowed,
        out FormKind kind, out DateTimeOffset issuedAt) =>
        TryVerify(formToken, linkToken, maxAge, out kind, out issuedAt) && allowed.Contains(kind);

    private static void Sign(byte[] key, ReadOnlySpan<byte> header, string linkToken, Span<byte> tag)
    {
        var length = Domain.Length + header.Length + Encoding.ASCII.GetMaxByteCount(linkToken.Length);
        Span<byte> message = length <= 256 ? stackalloc byte[length] : new byte[length];
        Domain.CopyTo(message);
        header.CopyTo(message[Domain.Length..]);
        var used = Domain.Length + header.Length + Encoding.ASCII.GetBytes(linkToken, message[(Domain.Length + header.Length)..]);
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(key, message[..used], full);
        full[..TagLength].CopyTo(tag);
    }
}
