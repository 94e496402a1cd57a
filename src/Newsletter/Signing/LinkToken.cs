// Compact signed tokens for personal links: what the link is for, which issue, which subscriber, which option.
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Newsletter.Signing;

/// <summary>What a personal link does.</summary>
public enum LinkPurpose : byte
{
    /// <summary>Records a poll rating; <see cref="LinkClaims.Argument"/> is the rating value.</summary>
    Vote = 1,
    /// <summary>Unsubscribes (RFC 8058 one-click target and footer link).</summary>
    Unsubscribe = 2,
    /// <summary>Confirms a sign-up (double opt-in); the issue id is 0.</summary>
    Confirm = 3,
}

/// <summary>The facts a token vouches for.</summary>
/// <param name="Purpose">What the link does.</param>
/// <param name="IssueId">Database id of the issue.</param>
/// <param name="SubscriberId">Database id of the subscriber.</param>
/// <param name="Argument">Purpose-specific value (the rating for votes, 0 otherwise).</param>
/// <param name="IssuedDay">Days since 2020-01-01 UTC when the token was made; lets links expire.</param>
public sealed record LinkClaims(LinkPurpose Purpose, long IssueId, long SubscriberId, int Argument, int IssuedDay)
{
    /// <summary>Whether the link came from a test send (<see cref="PersonalLinks.TestSubscriberId"/>): a click on it records nothing.</summary>
    public bool IsTest => SubscriberId == PersonalLinks.TestSubscriberId;
}

/// <summary>
/// Encodes <see cref="LinkClaims"/> as a URL-safe token verified without a database lookup:
/// <c>base64url(version, key id, purpose, varint issue, varint subscriber, varint argument, varint day, HMAC-SHA256[0..16])</c>.
/// About 30 characters; the 128-bit tag makes forgery and enumeration infeasible (RFC 2104, truncation per RFC 4868 §2.6 reasoning).
/// </summary>
public sealed class LinkToken(SigningKeyRing keys, TimeProvider clock)
{
    private const byte Version = 1;
    private const int TagLength = 16;
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a token for the given link.</summary>
    public string Create(LinkPurpose purpose, long issueId, long subscriberId, int argument = 0)
    {
        Span<byte> buffer = stackalloc byte[64];
        var length = 0;
        buffer[length++] = Version;
        buffer[length++] = keys.SigningKeyId;
        buffer[length++] = (byte)purpose;
        length += WriteVarint(buffer[length..], (ulong)issueId);
        length += WriteVarint(buffer[length..], (ulong)subscriberId);
        length += WriteVarint(buffer[length..], (ulong)argument);
        length += WriteVarint(buffer[length..], (ulong)Today());
        Span<byte> tag = stackalloc byte[32];
        HMACSHA256.HashData(keys.SigningKey, buffer[..length], tag);
        tag[..TagLength].CopyTo(buffer[length..]);
        return Base64Url.EncodeToString(buffer[..(length + TagLength)]);
    }

    /// <summary>
    /// Verifies <paramref name="token"/> for <paramref name="purpose"/>: well-formed, signed by a known key,
    /// of that purpose and, when <paramref name="maxAge"/> is given, not older than it.
    /// </summary>
    public bool TryVerify(string token, LinkPurpose purpose, TimeSpan? maxAge, [NotNullWhen(true)] out LinkClaims? claims)
    {
        claims = null;
        Span<byte> decoded = stackalloc byte[72];
        if (token.Length is 0 or > 96 || !Base64UrlText.TryDecode(token, decoded, out var written) || written < 3 + 4 + TagLength)
            return false;
        var bytes = decoded[..written];
        if (bytes[0] != Version || bytes[2] != (byte)purpose) return false;
        var payload = bytes[..^TagLength];
        if (!SignedByAny(keys.Find(bytes[1]), payload, bytes[^TagLength..])) return false;
        var offset = 3;
        if (!TryReadVarint(payload, ref offset, out var issue) || !TryReadVarint(payload, ref offset, out var subscriber)
            || !TryReadVarint(payload, ref offset, out var argument) || !TryReadVarint(payload, ref offset, out var day)
            || offset != payload.Length)
            return false;
        if (maxAge is { } age && Today() - (long)day > age.TotalDays) return false;
        claims = new LinkClaims(purpose, (long)issue, (long)subscriber, (int)argument, (int)day);
        return true;
    }

    private static bool SignedByAny(IReadOnlyList<byte[]> candidates, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> tag)
    {
        Span<byte> expected = stackalloc byte[32];
        foreach (var key in candidates)
        {
            HMACSHA256.HashData(key, payload, expected);
            if (CryptographicOperations.FixedTimeEquals(expected[..TagLength], tag)) return true;
        }
        return false;
    }

    private int Today() => (int)(clock.GetUtcNow() - Epoch).TotalDays;

    private static int WriteVarint(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> source, ref int offset, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && offset < source.Length; shift += 7)
        {
            var b = source[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }
}
