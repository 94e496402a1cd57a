// MIME header parameters (name=value), with RFC 2231 encoding and continuations for non-ASCII or long values.
using System.Text;

namespace Newsletter.Mail.Mime;

/// <summary>Builds parameter segments for Content-Type and Content-Disposition (RFC 2045 §5.1, RFC 2183, RFC 2231).</summary>
internal static class ParameterEncoding
{
    // A plain ASCII value longer than this is split into RFC 2231 continuations.
    private const int MaxPlainLength = 60;
    private const string Hex = "0123456789ABCDEF";

    /// <summary>
    /// Appends <c>; name=value</c> as segments. ASCII values become a token or quoted-string; non-ASCII or very long
    /// values use RFC 2231 <c>name*0*=utf-8''...</c> with percent-encoding and numbered continuations.
    /// </summary>
    public static void Append(List<HeaderSegment> segments, string name, string value)
    {
        // The separator ';' belongs to the previous segment so folding happens after it.
        int last = segments.Count - 1;
        segments[last] = segments[last] with { Text = segments[last].Text + ";" };

        bool ascii = true;
        foreach (char c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                ascii = false;
                break;
            }
        }

        if (ascii && value.Length <= MaxPlainLength)
        {
            segments.Add(new HeaderSegment(" ", name + "=" + (IsToken(value) ? value : Quote(value))));
            return;
        }

        // Room for " name*NN*=utf-8''" before the piece and ";" after it within 78 columns.
        var pieces = PercentEncodePieces(value, HeaderFolding.PreferredLineLength - name.Length - 14);
        if (pieces.Count == 1)
        {
            segments.Add(new HeaderSegment(" ", name + "*=utf-8''" + pieces[0]));
            return;
        }

        for (int i = 0; i < pieces.Count; i++)
        {
            string prefix = i == 0 ? "utf-8''" : "";
            string separator = i == pieces.Count - 1 ? "" : ";";
            segments.Add(new HeaderSegment(" ", $"{name}*{i}*={prefix}{pieces[i]}{separator}"));
        }
    }

    // Percent-encodes UTF-8 octets, cutting only between whole characters so each piece decodes on its own.
    private static List<string> PercentEncodePieces(string value, int maxPieceLength)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        Span<byte> buffer = stackalloc byte[4];
        foreach (Rune rune in value.EnumerateRunes())
        {
            int count = rune.EncodeToUtf8(buffer);
            var encoded = new StringBuilder(12);
            for (int i = 0; i < count; i++)
            {
                byte b = buffer[i];
                if (IsAttributeChar(b))
                {
                    encoded.Append((char)b);
                }
                else
                {
                    encoded.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }
            }

            if (current.Length > 0 && current.Length + encoded.Length > maxPieceLength)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }

            current.Append(encoded);
        }

        pieces.Add(current.ToString());
        return pieces;
    }

    // RFC 2231 attribute-char: a token character other than '*', '\'' and '%'.
    private static bool IsAttributeChar(byte b) => b is > 32 and < 127 && b != '*' && b != '\'' && b != '%' && !IsTspecial((char)b);

    /// <summary>True when the value is a non-empty RFC 2045 token.</summary>
    public static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c <= 32 || c >= 127 || IsTspecial(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTspecial(char c) => "()<>@,;:\\\"/[]?=".Contains(c);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
