// Golden files: the exact bytes written for reference messages, with fixed boundaries and date.
using System.Text;
using Newsletter.Mail.Mime;
using Newsletter.Mail.Tests.Support;

namespace Newsletter.Mail.Tests.Mime;

[TestFixture]
public sealed class MimeGoldenTests
{
    private static readonly MimeWriter Writer = new(depth => "=_golden_" + depth);

    private static string GoldenPath(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", name);

    private static void AssertGolden(string name, byte[] actual)
    {
        // Set UPDATE_GOLDEN=1 to rewrite the files in the source tree after a deliberate format change.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../Golden", name);
            File.WriteAllBytes(source, actual);
        }

        byte[] expected = File.ReadAllBytes(GoldenPath(name));
        Assert.That(Encoding.ASCII.GetString(actual), Is.EqualTo(Encoding.ASCII.GetString(expected)));
    }

    [Test]
    public void Write_InternationalNewsletter_MatchesGolden()
    {
        byte[] bytes = Writer.GetBytes(MimeRoundTripTests.International());
        MessageAssert.WellFormed(bytes);
        AssertGolden("international.eml", bytes);
        StrictParser.Parse(bytes);
    }

    [Test]
    public void Write_PlainTextOnly_MatchesGolden()
    {
        var message = new EmailMessage
        {
            From = new MailAddress("news@example.com", "Example News"),
            To = [new MailAddress("reader@example.org")],
            Subject = "Weekly digest #12",
            Date = new DateTimeOffset(2026, 1, 5, 18, 4, 9, TimeSpan.FromHours(-5)),
            MessageId = "2026-01-05-digest.1@example.com",
            Headers = [new("List-Id", "Example News <news.example.com>")],
            TextBody = "Hello,\r\n\r\nthis week: nothing = everything.\r\n-- \r\nExample News\r\n",
        };
        byte[] bytes = Writer.GetBytes(message);
        MessageAssert.WellFormed(bytes);
        AssertGolden("plain.eml", bytes);
    }
}
