// Multipart boundary generation and validation.
using System.Security.Cryptography;

namespace Newsletter.Mail.Mime;

/// <summary>
/// Multipart boundaries (RFC 2046 §5.1.1). Every boundary starts with <c>=_</c>: quoted-printable output only has
/// '=' before two hex digits or a line break and base64 output has '=' only as final padding, so no encoded body line
/// can ever begin with a boundary delimiter.
/// </summary>
internal static class MimeBoundary
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Returns a new random boundary of the form <c>=_</c> plus 32 alphanumerics.</summary>
    public static string NewRandom(int depth) => "=_" + RandomNumberGenerator.GetString(Alphabet, 32) + "_" + depth;

    /// <summary>Checks a boundary returned by a custom factory.</summary>
    /// <exception cref="InvalidOperationException">The boundary is not usable.</exception>
    public static string Validate(string boundary)
    {
        if (boundary is null || boundary.Length is < 3 or > 70 || !boundary.StartsWith("=_", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A boundary must start with \"=_\" and be 3 to 70 characters long (RFC 2046 §5.1.1).");
        }

        foreach (char c in boundary)
        {
            bool ok = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                or '\'' or '(' or ')' or '+' or '_' or ',' or '-' or '.' or '/' or ':' or '=' or '?';
            if (!ok)
            {
                throw new InvalidOperationException($"Boundary character '{c}' is not an RFC 2046 bchars character.");
            }
        }

        return boundary;
    }
}
