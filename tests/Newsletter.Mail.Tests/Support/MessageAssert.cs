// Byte-level checks every serialised message must pass, independent of any parser.
using System.Text;

namespace Newsletter.Mail.Tests.Support;

public static class MessageAssert
{
    /// <summary>CRLF only, no line over 998 octets, 7-bit only, header lines within 78 columns.</summary>
    public static void WellFormed(byte[] message, bool headersWithin78 = true)
    {
        Assert.That(message.Length, Is.GreaterThan(2));
        Assert.That(message[^2..], Is.EqualTo("\r\n"u8.ToArray()), "The message must end with CRLF.");
        int lineStart = 0;
        bool inHeader = true;
        for (int i = 0; i < message.Length; i++)
        {
            byte b = message[i];
            if (b >= 0x80)
            {
                Assert.Fail($"8-bit octet at {i}.");
            }

            if (b == '\r')
            {
                if (i + 1 == message.Length || message[i + 1] != '\n')
                {
                    Assert.Fail($"Bare CR at {i}.");
                }

                int length = i - lineStart;
                string line = Encoding.ASCII.GetString(message, lineStart, length);
                if (length > 998)
                {
                    Assert.Fail($"Line over 998 octets: {line[..40]}...");
                }

                if (inHeader && headersWithin78 && length > 78 && !IsSingleWord(line))
                {
                    Assert.Fail($"Header line over 78 columns: '{line}'.");
                }

                if (length == 0)
                {
                    inHeader = false;
                }

                if (line.StartsWith("Content-", StringComparison.Ordinal))
                {
                    inHeader = true; // part headers
                }

                i++;
                lineStart = i + 1;
            }
            else if (b == '\n')
            {
                Assert.Fail($"Bare LF at {i}.");
            }
        }
    }

    // A word longer than a line (a long URL) cannot be folded; 78 is only a recommendation (RFC 5322 §2.1.1).
    private static bool IsSingleWord(string line)
    {
        string rest = line.StartsWith(' ') || line.StartsWith('\t') ? line : line[(line.IndexOf(':') + 1)..];
        return !rest.Trim().Contains(' ');
    }

    /// <summary>Returns the unfolded top-level header block as name/value pairs.</summary>
    public static List<KeyValuePair<string, string>> TopHeaders(byte[] message)
    {
        string text = Encoding.ASCII.GetString(message);
        string block = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        string unfolded = block.Replace("\r\n ", " ").Replace("\r\n\t", "\t");
        return unfolded.Split("\r\n").Select(l =>
        {
            int colon = l.IndexOf(':');
            return new KeyValuePair<string, string>(l[..colon], l[(colon + 1)..].TrimStart());
        }).ToList();
    }
}
