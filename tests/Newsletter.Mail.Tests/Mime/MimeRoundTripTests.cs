// Round trips: messages written by MimeWriter, read back by Python's strict email parser.
using System.Text;
using System.Text.Json;
using Newsletter.Mail.Mime;
using Newsletter.Mail.Tests.Support;

namespace Newsletter.Mail.Tests.Mime;

[TestFixture]
public sealed class MimeRoundTripTests
{
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    internal static EmailMessage International() => new()
    {
        From = new MailAddress("redaktion@bücher.example", "Zoë Ångström — Bücherbrief"),
        To = [new MailAddress("leser@例え.テスト", "山田 太郎"), new MailAddress("plain@example.org")],
        ReplyTo = new MailAddress("antwort@bücher.example", "Ответ \"Редакция\""),
        Subject = "Grüße aus Köln: Ausgabe №42 — 新しい本 🎉 und ein recht langer Betreff, der gefaltet werden muss",
        Date = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(1)),
        MessageId = "2026-11-20-ausgabe-42.8f3a@bücher.example",
        Headers =
        [
            new("List-Unsubscribe", "<https://xn--bcher-kva.example/u/abc123?token=" + new string('x', 90) + ">, <mailto:unsubscribe@news.example.com?subject=unsubscribe-abc123>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new("List-Id", "Bücherbrief <buecherbrief.news.example.com>"),
            new("Feedback-ID", "42:issue:newsletter:example"),
        ],
        TextBody = "Hallo 山田 太郎,\n\nhier ist die Ausgabe №42.\n.Eine Zeile mit Punkt am Anfang.\nTrailing space here \n" + new string('ä', 120) + "\n= equals and tabs\t\nEnde.",
        HtmlBody = "<html><body><p>Grüße! 🎉</p><img src=\"cid:logo.1@bücher.example\" alt=\"Logo\"><p>" + new string('—', 50) + "</p></body></html>\r\n",
        InlineResources = [new InlineResource("logo.1@bücher.example", "image/png", Png, "Bücher-Logo für die Ausgabe №42 mit einem sehr langen Dateinamen, wirklich.png")],
    };

    [Test]
    public void Write_InternationalMessage_StrictParserReadsEveryField()
    {
        var message = International();
        byte[] bytes = MimeWriter.ToBytes(message);
        MessageAssert.WellFormed(bytes);
        var json = StrictParser.Parse(bytes);

        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo(message.Subject));
        var from = json.GetProperty("from")[0];
        Assert.That(from.GetProperty("display_name").GetString(), Is.EqualTo("Zoë Ångström — Bücherbrief"));
        Assert.That(from.GetProperty("domain").GetString(), Is.EqualTo("xn--bcher-kva.example"));
        Assert.That(from.GetProperty("domain_unicode").GetString(), Is.EqualTo("bücher.example"));

        var to = json.GetProperty("to");
        Assert.That(to.GetArrayLength(), Is.EqualTo(2));
        Assert.That(to[0].GetProperty("display_name").GetString(), Is.EqualTo("山田 太郎"));
        Assert.That(to[0].GetProperty("domain_unicode").GetString(), Is.EqualTo("例え.テスト"));
        Assert.That(to[0].GetProperty("domain").GetString(), Does.StartWith("xn--"));
        Assert.That(to[1].GetProperty("addr_spec").GetString(), Is.EqualTo("plain@example.org"));
        Assert.That(json.GetProperty("reply_to")[0].GetProperty("display_name").GetString(), Is.EqualTo("Ответ \"Редакция\""));
        Assert.That(json.GetProperty("message_id").GetString(), Is.EqualTo("<2026-11-20-ausgabe-42.8f3a@xn--bcher-kva.example>"));
        Assert.That(json.GetProperty("date").GetString(), Is.EqualTo("2026-11-20T09:30:00+01:00"));
        Assert.That(json.GetProperty("mime_version").GetString(), Is.EqualTo("1.0"));

        var headers = json.GetProperty("headers").EnumerateArray().ToDictionary(h => h[0].GetString()!, h => h[1].GetString()!);
        Assert.That(headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        Assert.That(headers["List-Id"], Is.EqualTo("Bücherbrief <buecherbrief.news.example.com>"));
        Assert.That(headers["List-Unsubscribe"], Is.EqualTo(message.Headers[0].Value));

        var root = json.GetProperty("structure");
        Assert.That(root.GetProperty("content_type").GetString(), Is.EqualTo("multipart/alternative"));
        var text = root.GetProperty("children")[0];
        Assert.That(text.GetProperty("content_type").GetString(), Is.EqualTo("text/plain"));
        Assert.That(text.GetProperty("charset").GetString(), Is.EqualTo("utf-8"));
        Assert.That(text.GetProperty("text").GetString(), Is.EqualTo(message.TextBody));

        var related = root.GetProperty("children")[1];
        Assert.That(related.GetProperty("content_type").GetString(), Is.EqualTo("multipart/related"));
        var html = related.GetProperty("children")[0];
        Assert.That(html.GetProperty("content_type").GetString(), Is.EqualTo("text/html"));
        Assert.That(html.GetProperty("text").GetString(), Is.EqualTo(message.HtmlBody!.Replace("\r\n", "\n")));
        var image = related.GetProperty("children")[1];
        Assert.That(image.GetProperty("content_type").GetString(), Is.EqualTo("image/png"));
        Assert.That(image.GetProperty("content_id").GetString(), Is.EqualTo("<logo.1@xn--bcher-kva.example>"));
        Assert.That(image.GetProperty("disposition").GetString(), Is.EqualTo("inline"));
        Assert.That(image.GetProperty("filename").GetString(), Is.EqualTo(message.InlineResources[0].FileName));
        Assert.That(Convert.FromBase64String(image.GetProperty("base64").GetString()!), Is.EqualTo(Png));
    }

    [TestCase(true, false, "text/plain")]
    [TestCase(false, true, "text/html")]
    [TestCase(true, true, "multipart/alternative")]
    [TestCase(false, false, "text/plain")]
    public void Write_BodyCombinations_GiveExpectedStructure(bool text, bool html, string expectedType)
    {
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = [new MailAddress("b@example.com")],
            Subject = "Plain ASCII subject",
            MessageId = "x.1@example.com",
            TextBody = text ? "Ünïcödé text\n" : null,
            HtmlBody = html ? "<p>Ünïcödé html</p>" : null,
        };
        byte[] bytes = MimeWriter.ToBytes(message);
        MessageAssert.WellFormed(bytes);
        var json = StrictParser.Parse(bytes);
        Assert.That(json.GetProperty("structure").GetProperty("content_type").GetString(), Is.EqualTo(expectedType));
        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo("Plain ASCII subject"));
    }

    [Test]
    public void Write_HtmlWithResourcesButNoText_IsMultipartRelatedAtTop()
    {
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = [new MailAddress("b@example.com")],
            Subject = "Images",
            MessageId = "x.8@example.com",
            HtmlBody = "<img src=\"cid:one@example.com\"><img src=\"cid:two@example.com\">",
            InlineResources =
            [
                new InlineResource("one@example.com", "image/png", Png, "one.png"),
                new InlineResource("two@example.com", "image/gif", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0xFF }),
            ],
        };
        byte[] bytes = MimeWriter.ToBytes(message);
        MessageAssert.WellFormed(bytes);
        var root = StrictParser.Parse(bytes).GetProperty("structure");
        Assert.That(root.GetProperty("content_type").GetString(), Is.EqualTo("multipart/related"));
        var children = root.GetProperty("children");
        Assert.That(children.GetArrayLength(), Is.EqualTo(3));
        Assert.That(children[1].GetProperty("filename").GetString(), Is.EqualTo("one.png"));
        Assert.That(children[2].GetProperty("content_type").GetString(), Is.EqualTo("image/gif"));
        Assert.That(children[2].GetProperty("filename").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(Convert.FromBase64String(children[2].GetProperty("base64").GetString()!), Is.EqualTo(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0xFF }));
    }

    [Test]
    public void Write_ResourcesWithoutHtml_Throws()
    {
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = [new MailAddress("b@example.com")],
            Subject = "x",
            MessageId = "x.9@example.com",
            TextBody = "x",
            InlineResources = [new InlineResource("one@example.com", "image/png", Png)],
        };
        Assert.Throws<ArgumentException>(() => MimeWriter.ToBytes(message));
    }

    [TestCase("=?utf-8?Q?not_an_encoded_word?=")]
    [TestCase("  leading and   inner   spaces  ")]
    [TestCase("Tab\there")]
    [TestCase("Line\r\nbreak injected: Bcc: victim@example.com")]
    [TestCase("")]
    [TestCase("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family emoji clusters that must stay whole")]
    public void Write_AwkwardSubjects_RoundTripExactly(string subject)
    {
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com", "Quote \" and \\ backslash"),
            To = [new MailAddress("b@example.com", "Smith, John (Jr.)")],
            Subject = subject,
            MessageId = "x.2@example.com",
            TextBody = "x",
        };
        byte[] bytes = MimeWriter.ToBytes(message);
        MessageAssert.WellFormed(bytes);
        var json = StrictParser.Parse(bytes);
        string expected = subject.Replace("\r\n", " ");
        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo(expected));
        Assert.That(json.GetProperty("from")[0].GetProperty("display_name").GetString(), Is.EqualTo("Quote \" and \\ backslash"));
        Assert.That(json.GetProperty("to")[0].GetProperty("display_name").GetString(), Is.EqualTo("Smith, John (Jr.)"));
        Assert.That(MessageAssert.TopHeaders(bytes).Count(h => h.Key == "Bcc"), Is.Zero);
    }

    [Test]
    public void Write_VeryLongWordInSubjectAndBody_KeepsEveryLineUnder998()
    {
        string word = new('a', 3000);
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = [new MailAddress("b@example.com")],
            Subject = word,
            MessageId = "x.3@example.com",
            TextBody = word + "\n" + new string('€', 2000),
            HtmlBody = "<p>" + word + "</p>",
        };
        byte[] bytes = MimeWriter.ToBytes(message);
        MessageAssert.WellFormed(bytes);
        var json = StrictParser.Parse(bytes);
        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo(word));
        Assert.That(json.GetProperty("structure").GetProperty("children")[0].GetProperty("text").GetString(), Is.EqualTo(message.TextBody));
    }

    [Test]
    public void Write_ManyRecipients_FoldsToHeaderAt78()
    {
        var to = Enumerable.Range(0, 40).Select(i => new MailAddress($"reader{i}@example.org", i % 2 == 0 ? $"Léser {i}" : $"Reader {i}")).ToList();
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = to,
            Subject = "Many",
            MessageId = "x.4@example.com",
            TextBody = "x",
        };
        byte[] bytes = MimeWriter.ToBytes(message);
        MessageAssert.WellFormed(bytes);
        var json = StrictParser.Parse(bytes);
        var parsed = json.GetProperty("to").EnumerateArray().Select(a => (a.GetProperty("display_name").GetString(), a.GetProperty("addr_spec").GetString())).ToList();
        Assert.That(parsed, Is.EqualTo(to.Select(a => (a.DisplayName, a.Address)).ToList()));
    }

    [Test]
    public void Write_BinaryResourceContainingBoundaryText_DoesNotBreakStructure()
    {
        // Content that looks like a delimiter line once decoded must not matter: it is base64 on the wire.
        byte[] tricky = Encoding.ASCII.GetBytes("\r\n--=_b0\r\n--=_b1--\r\n");
        var writer = new MimeWriter(depth => "=_b" + depth);
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = [new MailAddress("b@example.com")],
            Subject = "Boundaries",
            MessageId = "x.5@example.com",
            TextBody = "--=_b0\n--=_b1--\n",
            HtmlBody = "<p>--=_b0</p>",
            InlineResources = [new InlineResource("r@example.com", "application/octet-stream", tricky)],
        };
        byte[] bytes = writer.GetBytes(message);
        MessageAssert.WellFormed(bytes);
        var json = StrictParser.Parse(bytes);
        var related = json.GetProperty("structure").GetProperty("children")[1];
        Assert.That(related.GetProperty("children").GetArrayLength(), Is.EqualTo(2));
        Assert.That(json.GetProperty("structure").GetProperty("children")[0].GetProperty("text").GetString(), Is.EqualTo("--=_b0\n--=_b1--\n"));
        Assert.That(Convert.FromBase64String(related.GetProperty("children")[1].GetProperty("base64").GetString()!), Is.EqualTo(tricky));
    }

    [Test]
    public void Write_NonAsciiUrlInExtraHeader_Throws()
    {
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = [new MailAddress("b@example.com")],
            Subject = "x",
            MessageId = "x.6@example.com",
            Headers = [new("List-Unsubscribe", "<https://bücher.example/u>")],
            TextBody = "x",
        };
        Assert.Throws<ArgumentException>(() => MimeWriter.ToBytes(message));
    }

    [TestCase("Subject")]
    [TestCase("content-type")]
    [TestCase("Bad Name")]
    [TestCase("Colon:")]
    public void Write_ReservedOrInvalidExtraHeaderName_Throws(string name)
    {
        var message = new EmailMessage
        {
            From = new MailAddress("a@example.com"),
            To = [new MailAddress("b@example.com")],
            Subject = "x",
            MessageId = "x.7@example.com",
            Headers = [new(name, "value")],
            TextBody = "x",
        };
        Assert.Throws<ArgumentException>(() => MimeWriter.ToBytes(message));
    }
}
