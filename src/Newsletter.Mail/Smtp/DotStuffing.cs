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
        // Each CR or LF can gain one octet (bare line end to CRLF), each '.' can be doubled; plus CRLF.CRLF.
        int bound = message.Length + message.Count((byte)'\r') + message.Count((byte)'\n') + message.Count((byte)'.') + 5;
        byte[] output = ArrayPool<byte>.Shared.Rent(bound);
        int o = 0;
        bool lineStart = true;
        int i = 0;
        while (i < message.Length)
        {
            if (lineStart && message[i] == (byte)'.')
            {
                output[o++] = (byte)'.';
            }

            // Copy the rest of the line in one block; only line ends need attention.
            int rest = message[i..].IndexOfAny((byte)'\r', (byte)'\n');
            int run = rest < 0 ? message.Length - i : rest;
            message.Slice(i, run).CopyTo(output.AsSpan(o));
            o += run;
            i += run;
            if (i == message.Length)
            {
                lineStart = false;
                break;
            }

            byte b = message[i++];
            if (b == (byte)'\r' && i < message.Length && message[i] == (byte)'\n')
            {
                i++;
            }

            output[o++] = (byte)'\r';
            output[o++] = (byte)'\n';
            lineStart = true;
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
