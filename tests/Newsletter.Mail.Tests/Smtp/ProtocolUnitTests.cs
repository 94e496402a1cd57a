// Unit tests for reply classification, capability parsing and dot-stuffing.
using System.Buffers;
using System.Text;
using Newsletter.Mail.Smtp;

namespace Newsletter.Mail.Tests.Smtp;

[TestFixture]
public sealed class ProtocolUnitTests
{
    [TestCase(250, "2.0.0", SmtpReplyClass.Success)]
    [TestCase(354, null, SmtpReplyClass.Success)]
    [TestCase(550, "5.1.1", SmtpReplyClass.PermanentFailure)]
    [TestCase(554, null, SmtpReplyClass.PermanentFailure)]
    [TestCase(421, "4.7.0", SmtpReplyClass.Throttled)]
    [TestCase(421, null, SmtpReplyClass.Throttled)]
    [TestCase(451, null, SmtpReplyClass.Throttled)]
    [TestCase(452, null, SmtpReplyClass.Throttled)]
    [TestCase(454, null, SmtpReplyClass.Throttled)]
    [TestCase(450, "4.7.1", SmtpReplyClass.Throttled)]
    [TestCase(450, "4.4.5", SmtpReplyClass.Throttled)]
    [TestCase(452, "4.2.2", SmtpReplyClass.TransientFailure)]
    [TestCase(450, "4.2.1", SmtpReplyClass.TransientFailure)]
    [TestCase(450, null, SmtpReplyClass.TransientFailure)]
    [TestCase(550, "4.7.1", SmtpReplyClass.Throttled)] // enhanced code first: the server says "temporary"
    [TestCase(450, "5.1.1", SmtpReplyClass.PermanentFailure)]
    public void Classify_Reply_UsesEnhancedCodeFirst(int code, string? enhanced, SmtpReplyClass expected) =>
        Assert.That(SmtpReplyClassifier.Classify(new SmtpReply(code, enhanced, "text")), Is.EqualTo(expected));

    [Test]
    public void Classify_MixedRecipientFailures_ThrottledWins()
    {
        var result = new SmtpSendResult(
            false,
            new SmtpReply(250, null, "ok"),
            [new("a@x", new SmtpReply(550, "5.1.1", "no")), new("b@x", new SmtpReply(451, "4.7.1", "later"))],
            null);
        Assert.That(result.Classification, Is.EqualTo(SmtpReplyClass.Throttled));
    }

    [Test]
    public void Classify_ConnectionFailures_AreConnectionLost()
    {
        Assert.That(SmtpReplyClassifier.Classify(new SmtpException(SmtpErrorKind.Timeout, "t")), Is.EqualTo(SmtpReplyClass.ConnectionLost));
        Assert.That(SmtpReplyClassifier.Classify(new SmtpException(SmtpErrorKind.TlsFailed, "t")), Is.EqualTo(SmtpReplyClass.PermanentFailure));
    }

    [Test]
    public void Capabilities_Parse_ReadsSizeAndAuth()
    {
        var caps = SmtpCapabilities.Parse(new SmtpReply(250, null, "mx\nSIZE 35882577\n8BITMIME\nAUTH PLAIN LOGIN XOAUTH2\nCHUNKING"));
        Assert.That(caps.MaxSize, Is.EqualTo(35882577));
        Assert.That(caps.EightBitMime, Is.True);
        Assert.That(caps.Pipelining, Is.False);
        Assert.That(caps.AuthMechanisms, Does.Contain("XOAUTH2"));
    }

    [TestCase("a\r\n.b\r\n", "a\r\n..b\r\n.\r\n")]
    [TestCase(".", "..\r\n.\r\n")]
    [TestCase("", ".\r\n")]
    [TestCase("x\r\n.\r\n", "x\r\n..\r\n.\r\n")]
    [TestCase("no final newline", "no final newline\r\n.\r\n")]
    [TestCase("bare\nlf\rcr", "bare\r\nlf\r\ncr\r\n.\r\n")]
    [TestCase("mid.dot\r\n", "mid.dot\r\n.\r\n")]
    public void DotStuffing_Encode_DoublesLeadingDotsAndTerminates(string input, string expected)
    {
        byte[] buffer = DotStuffing.Encode(Encoding.ASCII.GetBytes(input), out int length);
        Assert.That(Encoding.ASCII.GetString(buffer, 0, length), Is.EqualTo(expected));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    [Test]
    public void DotStuffing_RandomInput_DecodesBackToNormalisedInput()
    {
        var random = new Random(7);
        byte[] alphabet = ".\r\nab"u8.ToArray();
        for (int round = 0; round < 2000; round++)
        {
            var input = new byte[random.Next(0, 40)];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = alphabet[random.Next(alphabet.Length)];
            }

            byte[] buffer = DotStuffing.Encode(input, out int length);
            string wire = Encoding.ASCII.GetString(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);

            Assert.That(wire, Does.EndWith("\r\n.\r\n").Or.EqualTo(".\r\n"));
            Assert.That(wire.Replace("\r\n", ""), Does.Not.Contain("\r").And.Not.Contain("\n"), "No bare CR or LF may reach the wire.");
            var lines = wire.Split("\r\n")[..^2];
            Assert.That(lines.Take(lines.Length).All(l => l != "."), Is.True, "Only the terminator may be a lone dot.");

            string expected = Encoding.ASCII.GetString(input).Replace("\r\n", "\n").Replace('\r', '\n');
            if (expected.Length > 0 && !expected.EndsWith('\n'))
            {
                expected += "\n";
            }

            string decoded = string.Concat(lines.Select(l => (l.StartsWith('.') ? l[1..] : l) + "\n"));
            Assert.That(decoded, Is.EqualTo(expected), Encoding.ASCII.GetString(input));
        }
    }

    [Test]
    public void Options_Validate_RejectsBadValues()
    {
        Assert.Throws<ArgumentException>(() => new SmtpClient(new SmtpClientOptions { Port = 0 }));
        Assert.Throws<ArgumentException>(() => new SmtpClient(new SmtpClientOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new SmtpClient(new SmtpClientOptions { LocalDomain = "has space" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpConnectionPool(new SmtpClientOptions(), 0));
    }
}
