// Prepares message content for the DATA phase: CRLF-only line ends, dot-stuffing and the end-of-data marker.
using System.Buffers;

namespace Newsletter.Mail.Smtp;

/// <summary>
/// Encodes message content for SMTP DATA (RFC 5321 §4.5.2): a '.' opening a line is doubled, every bare CR or LF is
/// turned into CRLF (bare line ends in DATA are forbidden by §2.3.8 and are how "SMTP smuggling" works), and
/// <c>CRLF.CRLF</c> is appended, so the whole thing can be written in one go.
/// </summary>
internal static class DotStuffing
{
    /// <summary>Returns a pooled buffer holding the encoded content; return it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> message, out int length)
    {
        // Worst case every octet doubles (each LF or '.'), plus the terminator.
        byte[] output = ArrayPool<byte>.Shared.Rent(message.Length * 2 + 5);
        int o = 0;
        bool lineStart = true;
        for (int i = 0; i < message.Length; i++)
        {
            byte b = message[i];
            if (b == (byte)'\r' || b == (byte)'\n')
            {
                output[o++] = (byte)'\r';
                output[o++] = (byte)'\n';
                if (b == (byte)'\r' && i + 1 < message.Length && message[i + 1] == (byte)'\n')
                {
                    i++;
                }

                lineStart = true;
                continue;
            }

            if (lineStart && b == (byte)'.')
            {
                output[o++] = (byte)'.';
            }

            output[o++] = b;
            lineStart = false;
        }

        if (!lineStart)
        {
            output[o++] = (byte)'\r';
            output[o++] = (byte)'\n';
        }

        output[o++] = (byte)'.';
        output[o++] = (byte)'\r';
        output[o++] = (byte)'\n';
        length = o;
        return output;
    }
}
