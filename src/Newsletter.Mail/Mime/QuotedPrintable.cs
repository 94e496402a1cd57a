// Quoted-printable body encoding with line-ending normalisation to CRLF.
using System.Text;

namespace Newsletter.Mail.Mime;

/// <summary>
/// Quoted-printable encoding per RFC 2045 §6.7: encoded lines of at most 76 characters with soft line breaks,
/// trailing whitespace and '=' always escaped, and any line ending in the source (CRLF, LF or a lone CR)
/// written as a hard CRLF, so no bare CR or LF can reach the output.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 76;
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Encodes the UTF-8 form of <paramref name="text"/> into <paramref name="output"/>.</summary>
    public static void Encode(string text, MimeOutput output, bool endWithLineBreak = false) =>
        Encode(Encoding.UTF8.GetBytes(text), output, endWithLineBreak);

    /// <summary>
    /// Encodes <paramref name="data"/>. The output ends with CRLF when the input ends with a line break; otherwise,
    /// with <paramref name="endWithLineBreak"/>, it ends with a soft line break ("=" CRLF), which decodes to nothing,
    /// so a body can end the message on a complete line without gaining a line break.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> data, MimeOutput output, bool endWithLineBreak = false)
    {
        int column = 0;
        int i = 0;
        while (i < data.Length)
        {
            byte b = data[i];
            if (b == (byte)'\r' || b == (byte)'\n')
            {
                output.Crlf();
                column = 0;
                i += b == (byte)'\r' && i + 1 < data.Length && data[i + 1] == (byte)'\n' ? 2 : 1;
                continue;
            }

            bool endOfData = i + 1 == data.Length;
            bool beforeHardBreak = !endOfData && (data[i + 1] == (byte)'\r' || data[i + 1] == (byte)'\n');
            bool atLineEnd = endOfData || beforeHardBreak;
            bool literal = (b >= 33 && b <= 126 && b != (byte)'=') || ((b == (byte)' ' || b == (byte)'\t') && !atLineEnd);

            // A '.' opening a line is escaped too: harmless for MIME and it keeps the text readable after transports
            // that mishandle dot-stuffing.
            if (b == (byte)'.' && column == 0)
            {
                literal = false;
            }

            int width = literal ? 1 : 3;

            // The last token of a line may use column 76; anything else must leave room for the soft-break '='.
            bool lastOnLine = beforeHardBreak || (endOfData && !endWithLineBreak);
            bool fitsAsLast = lastOnLine && column + width <= MaxLine;
            if (column + width > MaxLine - 1 && !fitsAsLast)
            {
                output.Byte((byte)'=');
                output.Crlf();
                column = 0;
                if (b == (byte)'.')
                {
                    literal = false;
                    width = 3;
                }
            }

            if (literal)
            {
                output.Byte(b);
            }
            else
            {
                var span = output.GetSpan(3);
                span[0] = (byte)'=';
                span[1] = (byte)Hex[b >> 4];
                span[2] = (byte)Hex[b & 0xF];
                output.Advance(3);
            }

            column += width;
            i++;
        }

        if (endWithLineBreak && column > 0)
        {
            output.Byte((byte)'=');
            output.Crlf();
        }
    }
}
