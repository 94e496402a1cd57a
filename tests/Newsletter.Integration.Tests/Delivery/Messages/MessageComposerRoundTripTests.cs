// Messages the composer builds, written as the outbox and SMTP write them, read back by Python's strict parser.
using Newsletter.Audience;
using Newsletter.Delivery.Messages;
using Newsletter.Integration.Tests.Peers;
using Newsletter.Rendering;

namespace Newsletter.Integration.Tests.Delivery.Messages;

[TestFixture]
public sealed class MessageComposerRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(1));

    internal static MessageComposer Composer(DkimMessageSigner? signer = null) =>
        new("Bücherbrief", MailboxParser.Parse("Zoë Ångström — Bücherbrief <redaktion@bücher.example>"),
            MailboxParser.Parse("\"Ответ \\\"Редакция\\\"\" <antwort@bücher.example>"), new FixedClock(Now), signer,
            "mailto:unsubscribe@xn--bcher-kva.example");

    internal static RenderedEmail Email() => new(
        "Grüße aus Köln: Ausgabe №42 — 新しい本 🎉 und ein recht langer Betreff, der gefaltet werden muss",
        "<html><body><p>Grüße! 🎉</p><p>" + new string('—', 50) + "</p>\n<p>" + new string('x', 1200) + "</p></body></html>\n",
        "Hallo 山田 太郎,\n\nhier ist die Ausgabe №42.\n.Eine Zeile mit Punkt am Anfang.\nTrailing space here \n" + new string('ä', 120) + "\n= equals and tabs\t\nEnde.\n",
        "https://news.example.com/unsubscribe/AZACAQoA3xOyUEwJ5u_wq1ineFQngoNs");

    internal static Subscriber Reader() => new(42, "leser@xn--r8jz45g.xn--zckzah", "山田 太郎", new Dictionary<string, string>(), SubscriberStatus.Active);

    [Test]
    public void Compose_InternationalIssue_StrictParserReadsEveryField()
    {
        var email = Email();
        var bytes = WireFormat.ToBytes(Composer().Compose(email, Reader(), "2026-11-20-ausgabe-42.42@xn--bcher-kva.example", "2026-11-20-ausgabe-42"));
        var json = StrictParser.Parse(bytes);

        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo(email.Subject));
        var from = json.GetProperty("from")[0];
        Assert.That(from.GetProperty("display_name_rfc2047").GetString(), Is.EqualTo("Zoë Ångström — Bücherbrief"));
        Assert.That(from.GetProperty("domain").GetString(), Is.EqualTo("xn--bcher-kva.example"));
        var to = json.GetProperty("to")[0];
        Assert.That(to.GetProperty("display_name_rfc2047").GetString(), Is.EqualTo("山田 太郎"));
        Assert.That(to.GetProperty("domain_unicode").GetString(), Is.EqualTo("例え.テスト"));
        Assert.That(json.GetProperty("reply_to")[0].GetProperty("display_name_rfc2047").GetString(), Is.EqualTo("Ответ \"Редакция\""));
        Assert.That(json.GetProperty("message_id").GetString(), Is.EqualTo("<2026-11-20-ausgabe-42.42@xn--bcher-kva.example>"));
        Assert.That(json.GetProperty("date").GetString(), Is.EqualTo("2026-11-20T09:30:00+01:00"));
        Assert.That(json.GetProperty("mime_version").GetString(), Is.EqualTo("1.0"));

        var headers = json.GetProperty("headers").EnumerateArray().ToDictionary(h => h[0].GetString()!, h => h[1].GetString()!);
        Assert.That(headers["List-Unsubscribe"].Trim(), Is.EqualTo($"<{email.UnsubscribeUrl}>, <mailto:unsubscribe@xn--bcher-kva.example>"));
        Assert.That(headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        Assert.That(headers["List-Id"], Is.EqualTo("Bücherbrief <b-cherbrief.xn--bcher-kva.example>"));
        Assert.That(headers["Feedback-ID"], Is.EqualTo("2026-11-20-ausgabe-42:newsletter:xn--bcher-kva.example"));

        var root = json.GetProperty("structure");
        Assert.That(root.GetProperty("content_type").GetString(), Is.EqualTo("multipart/alternative"));
        var (text, html) = (root.GetProperty("children")[0], root.GetProperty("children")[1]);
        Assert.That(text.GetProperty("content_type").GetString(), Is.EqualTo("text/plain"), "the text part comes first (RFC 2046 §5.1.4)");
        Assert.That(text.GetProperty("charset").GetString(), Is.EqualTo("utf-8"));
        Assert.That(text.GetProperty("text").GetString(), Is.EqualTo(email.Text));
        Assert.That(html.GetProperty("content_type").GetString(), Is.EqualTo("text/html"));
        Assert.That(html.GetProperty("text").GetString(), Is.EqualTo(email.Html));
    }

    [Test]
    public void Compose_Written_IsSevenBitWithCrlfAndNoLineOver998()
    {
        var bytes = WireFormat.ToBytes(Composer().Compose(Email(), Reader(), "slug.42@bücher.example", "slug"));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.That(text.Split("\r\n").Where(l => l.Any(c => c > 127)), Is.Empty, "7-bit only, so any server takes it without 8BITMIME");
        Assert.That(text.Replace("\r\n", "").Contains('\n'), Is.False, "no bare LF");
        Assert.That(text.Split("\r\n").Max(l => l.Length), Is.LessThanOrEqualTo(998));
    }

    [TestCase("Line\r\nbreak injected: Bcc: victim@example.com")]
    [TestCase("=?utf-8?Q?not_an_encoded_word?=")]
    [TestCase("  leading and   inner   spaces  ")]
    [TestCase("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family emoji clusters that must stay whole")]
    public void Compose_AwkwardSubject_NeverAddsAHeaderAndReadsBack(string subject)
    {
        var email = Email() with { Subject = subject };
        var json = StrictParser.Parse(WireFormat.ToBytes(Composer().Compose(email, Reader(), "slug.42@bücher.example", "slug")));
        var names = json.GetProperty("headers").EnumerateArray().Select(h => h[0].GetString()!).ToList();
        Assert.That(names, Has.No.Member("Bcc"));
        Assert.That(json.GetProperty("subject").GetString()!.Replace("\r\n", " ").Replace("\n", " ").Trim(),
            Is.EqualTo(subject.Replace("\r\n", " ").Trim()).Or.EqualTo(string.Join(' ', subject.Replace("\r\n", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("Test", now.Offset, "Test", "Test");
    }
}
