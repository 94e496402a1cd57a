// Confirms an import file is UTF-8 before any row is read, naming the first line that is not.
using System.Text;

namespace Newsletter.Audience;

/// <summary>
/// Streams the file once through a strict UTF-8 decoder (RFC 3629): a Latin-1 or UTF-16 export silently read as
/// UTF-8 would corrupt every accented name, so such files are refused with the line of the first bad byte.
/// </summary>
public static class Utf8Check
{
    /// <summary>Checks <paramref name="path"/>.</summary>
    /// <returns>The file's number of lines (line breaks + 1): no record starts on a later line.</returns>
    /// <exception cref="CsvImportException">The file cannot be read, is UTF-16, or is not valid UTF-8.</exception>
    public static int Verify(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Scan(path, stream);
        }
        catch (IOException e)
        {
            throw Fail(path, 0, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Fail(path, 0, e.Message);
        }
    }

    private static int Scan(string path, Stream stream)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        var line = 1;
        var first = true;
        int read;
        while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            if (first && read >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
                throw Fail(path, 1, "the file is UTF-16; save it as UTF-8 and import again");
            // ASCII text in UTF-16 is every other byte NUL, which is valid UTF-8, so without a byte order mark
            // it would be read as a header with no 'email' column. Text files hold no NUL bytes at all.
            if (first && LooksLikeUtf16(bytes.AsSpan(0, read)))
                throw Fail(path, 1, "the file is UTF-16 (without a byte order mark); save it as UTF-8 and import again");
            first = false;
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                var at = Math.Clamp(e.Index, 0, read);
                throw Fail(path, line + bytes.AsSpan(0, at).Count((byte)'\n'), "the file is not UTF-8; save it as UTF-8 and import again");
            }
            line += bytes.AsSpan(0, read).Count((byte)'\n');
        }
        return line;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> start)
    {
        var sample = start[..Math.Min(start.Length, 4096)];
        return sample.Length >= 2 && sample.Count((byte)0) * 4 >= sample.Length;
    }

    private static CsvImportException Fail(string path, int line, string reason) =>
        new(new SourcePosition(path, line, 0), reason, [new ImportProblem(line, 0, reason)]);
}
