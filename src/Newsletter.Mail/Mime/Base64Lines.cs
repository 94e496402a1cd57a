// Base64 body encoding in 76-character lines for binary parts such as inline images.
using System.Buffers.Text;

namespace Newsletter.Mail.Mime;

/// <summary>Base64 content transfer encoding per RFC 2045 §6.8: lines of 76 characters, each ended by CRLF.</summary>
internal static class Base64Lines
{
    private const int BytesPerLine = 57; // 57 octets encode to exactly 76 characters

    /// <summary>Writes <paramref name="data"/> as base64 lines; every line, the last included, ends with CRLF.</summary>
    public static void Encode(ReadOnlySpan<byte> data, MimeOutput output)
    {
        for (int offset = 0; offset < data.Length; offset += BytesPerLine)
        {
            var chunk = data.Slice(offset, Math.Min(BytesPerLine, data.Length - offset));
            var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(chunk.Length));
            Base64.EncodeToUtf8(chunk, span, out _, out int written);
            output.Advance(written);
            output.Crlf();
        }
    }
}
