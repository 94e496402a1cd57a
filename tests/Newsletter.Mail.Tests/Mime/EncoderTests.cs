// Unit tests for the low-level encoders: quoted-printable, encoded-words, RFC 2231 parameters, folding, base64.
using System.Text;
using Newsletter.Mail.Mime;

namespace Newsletter.Mail.Tests.Mime;

[TestFixture]
public sealed class EncoderTests
{
    private static string Qp(string text)
    {
        var output = new MimeOutput();
        QuotedPrintable.Encode(text, output);
        return output.ToString();
    }

    [TestCase("plain", "plain")]
    [TestCase("a=b", "a=3Db")]
    [TestCase("trailing space \nnext", "trailing space=20\r\nnext")]
    [TestCase("tab at end\t", "tab at end=09")]
    [TestCase("lone\rcr and lone\nlf and crlf\r\n", "lone\r\ncr and lone\r\nlf and crlf\r\n")]
    [TestCase(".dot start\n.", "=2Edot start\r\n=2E")]
    [TestCase("é", "=C3=A9")]
    public void QuotedPrintable_Encode_ProducesExpectedLines(string input, string expected) =>
        Assert.That(Qp(input), Is.EqualTo(expected));

    [Test]
    public void QuotedPrintable_LongLines_SoftBreakAt76WithoutSplittingEscapes()
    {
        string input = string.Concat(Enumerable.Repeat("ab€ ", 100));
        string encoded = Qp(input);
        foreach (string line in encoded.Split("\r\n"))
        {
            Assert.That(line.Length, Is.LessThanOrEqualTo(76), line);
            Assert.That(line, Does.Not.Match("=[0-9A-F]?$").Or.EndWith("="), "An escape must not be cut by a soft break.");
        }

        string decoded = Encoding.UTF8.GetString(DecodeQp(encoded));
        Assert.That(decoded, Is.EqualTo(input));
    }

    [Test]
    public void QuotedPrintable_LineOfExactly76_IsNotBroken()
    {
        string line = new('x', 76);
        Assert.That(Qp(line), Is.EqualTo(line));
        Assert.That(Qp(line + "\n"), Is.EqualTo(line + "\r\n"));
        Assert.That(Qp(new string('x', 77)), Is.EqualTo(new string('x', 75) + "=\r\nxx"));
    }

    [TestCase("", "")]
    [TestCase("end", "end=\r\n")]
    [TestCase("end\n", "end\r\n")]
    [TestCase("space at end ", "space at end=20=\r\n")]
    public void QuotedPrintable_EndWithLineBreak_UsesSoftBreakWhenTextLacksOne(string input, string expected)
    {
        var output = new MimeOutput();
        QuotedPrintable.Encode(input, output, endWithLineBreak: true);
        Assert.That(output.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void QuotedPrintable_EndWithLineBreakOnFullLine_StaysWithin76()
    {
        var output = new MimeOutput();
        QuotedPrintable.Encode(new string('x', 76), output, endWithLineBreak: true);
        Assert.That(output.ToString(), Is.EqualTo(new string('x', 75) + "=\r\nx=\r\n"));
    }

    [TestCase("Grüße")]
    [TestCase("日本語のテキストがとても長い場合は複数のエンコードされた単語に分割されます。日本語のテキスト")]
    [TestCase("e\u0301e\u0301e\u0301 combining marks kept with their base letters e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301")]
    [TestCase("🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉")]
    public void EncodedWord_Encode_WordsAreShortAndDecodeSeparately(string text)
    {
        var words = EncodedWord.Encode(text);
        var decoded = new StringBuilder();
        foreach (string word in words)
        {
            Assert.That(word.Length, Is.LessThanOrEqualTo(75));
            Assert.That(word, Does.Match(@"^=\?utf-8\?[BQ]\?[^? ]*\?=$"));
            decoded.Append(DecodeWord(word)); // throws if a word holds a partial UTF-8 sequence
        }

        Assert.That(decoded.ToString(), Is.EqualTo(text));
    }

    [Test]
    public void EncodedWord_CombiningMarks_NotSeparatedFromBase()
    {
        string text = string.Concat(Enumerable.Repeat("e\u0301", 60));
        foreach (string word in EncodedWord.Encode(text))
        {
            Assert.That(DecodeWord(word), Does.Not.StartWith("\u0301"));
        }
    }

    [Test]
    public void HeaderFolding_LongAsciiSubject_FoldsAtSpacesAndUnfoldsToSame()
    {
        string subject = string.Join(' ', Enumerable.Range(0, 40).Select(i => "word" + i));
        var output = new MimeOutput();
        HeaderWriter.WriteUnstructured(output, "Subject", subject, freeText: true);
        string header = output.ToString();
        Assert.That(header.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).All(l => l.Length <= 78), Is.True);
        Assert.That(header.Replace("\r\n ", " ").TrimEnd(), Is.EqualTo("Subject: " + subject));
    }

    [Test]
    public void ParameterEncoding_NonAsciiFileName_UsesRfc2231()
    {
        var segments = new List<HeaderSegment> { new(" ", "inline") };
        ParameterEncoding.Append(segments, "filename", "naïve.png");
        Assert.That(segments[^1].Text, Is.EqualTo("filename*=utf-8''na%C3%AFve.png"));
    }

    [Test]
    public void ParameterEncoding_AsciiWithSpecials_IsQuoted()
    {
        var segments = new List<HeaderSegment> { new(" ", "inline") };
        ParameterEncoding.Append(segments, "filename", "my \"file\".png");
        Assert.That(segments[^1].Text, Is.EqualTo("filename=\"my \\\"file\\\".png\""));
    }

    [Test]
    public void Base64Lines_Encode_Uses76CharacterLines()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var output = new MimeOutput();
        Base64Lines.Encode(data, output);
        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Take(lines.Length - 1).All(l => l.Length == 76), Is.True);
        Assert.That(Convert.FromBase64String(string.Concat(lines)), Is.EqualTo(data));
    }

    [Test]
    public void MessageIdFactory_Create_IsUniqueAndValid()
    {
        string a = MessageIdFactory.Create("bücher.example", "2026-11-20-slug");
        string b = MessageIdFactory.Create("bücher.example", "2026-11-20-slug");
        Assert.That(a, Is.Not.EqualTo(b));
        Assert.That(a, Does.Match(@"^2026-11-20-slug\.\d{14}\.[0-9a-f]{16}@xn--bcher-kva\.example$"));
    }

    [TestCase("no-at-sign")]
    [TestCase("two words@example.com")]
    [TestCase("a<b@example.com")]
    [TestCase("@example.com")]
    public void MessageIdFactory_Normalise_RejectsInvalid(string id) =>
        Assert.Throws<ArgumentException>(() => MessageIdFactory.Normalise(id));

    [TestCase("ünicode@example.com")]
    [TestCase("missing-domain@")]
    [TestCase("a\r\nb@example.com")]
    public void AddressFormatter_RejectsUnrepresentableAddresses(string address) =>
        Assert.Throws<ArgumentException>(() => AddressFormatter.ToAsciiAddrSpec(address));

    [Test]
    public void AddressFormatter_LocalPartNeedingQuotes_IsQuoted() =>
        Assert.That(AddressFormatter.ToAsciiAddrSpec("john..doe@example.com"), Is.EqualTo("\"john..doe\"@example.com"));

    private static string DecodeWord(string word)
    {
        string payload = word[10..^2];
        byte[] bytes = word[8] == 'B' ? Convert.FromBase64String(payload) : DecodeQp(payload.Replace('_', ' '));
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    private static byte[] DecodeQp(string text)
    {
        var bytes = new List<byte>();
        text = text.Replace("=\r\n", "");
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '=')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return bytes.ToArray();
    }
}
