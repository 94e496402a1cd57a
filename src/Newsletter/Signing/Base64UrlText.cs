// Decodes the base64url text of a token that came from outside, never throwing.
using System.Buffers.Text;

namespace Newsletter.Signing;

/// <summary>The one decoder both signed tokens (<see cref="LinkToken"/>, <see cref="FormToken"/>) read their text with.</summary>
internal static class Base64UrlText
{
    /// <summary>
    /// Decodes <paramref name="text"/> (base64url without padding, RFC 4648 §5) into <paramref name="destination"/>.
    /// False for any character outside the alphabet or a length that cannot decode: a link or form from the outside
    /// world is a failed lookup, never an exception (<see cref="Base64Url.TryDecodeFromChars(ReadOnlySpan{char}, Span{byte}, out int)"/>
    /// still throws for some malformed inputs).
    /// </summary>
    public static bool TryDecode(string text, Span<byte> destination, out int written)
    {
        written = 0;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        try
        {
            return Base64Url.TryDecodeFromChars(text, destination, out written);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
