using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Newsletter.Delivery.Bounces;
using Newsletter.Signing;

namespace Newsletter.Tests.Delivery.Bounces;

public class BounceParserTests
{
    private static readonly VerpAddress Verp = new("bounces@news.example.com", new SigningKeyRing([RandomNumberGenerator.GetBytes(32)]));

    [Test]
    public void Parse_BounceToAVerpAddress_GivesItsToken()
    {
        var token = Verp.TokenFor(42);
        var report = Parse($"""
            From: MAILER-DAEMON@mx.example.org
            To: bounces+{token.ToUpperInvariant()}@news.example.com
            Subject: failure notice
            Message-ID: <q1@mx.example.org>

            Hi. This is the qmail-send program at mx.example.org.
            <ada@example.com>:
            Sorry, no mailbox here by that name. (#5.1.1)
            """);
        Assert.That((report.Kind, report.Recipient, report.StatusCode, report.VerpToken), Is.EqualTo((BounceKind.HardBounce, "ada@example.com", "5.1.1", token)));
        Assert.That(Verp.TryVerify(report.VerpToken, out var id) && id == 42, Is.True);
    }

    [Test]
    public void Parse_ReturnedCopyWithVerpReturnPath_GivesItsToken()
    {
        var token = Verp.TokenFor(7);
        var report = Parse($"""
            From: Mail Delivery System <Mailer-Daemon@mx.example.org>
            To: bounces@news.example.com
            Subject: Mail delivery failed: returning message to sender
            X-Failed-Recipients: ada@example.com

            This message was created automatically by mail delivery software.
            The following address(es) failed:
              ada@example.com
                550 5.1.1 unknown user
            ------ This is a copy of the message, including all the headers. ------
            Return-path: <bounces+{token}@news.example.com>
            Message-ID: <one.12@news.example.com>
            """);
        Assert.That((report.VerpToken, report.OriginalMessageId), Is.EqualTo((token, "one.12@news.example.com")));
    }

    [Test]
    public void Parse_AutoReply_IsNotABounce()
    {
        var report = Parse("""
            From: Ada <ada@example.com>
            To: news@example.com
            Subject: Out of office: Résumé of resilience
            Auto-Submitted: auto-replied

            I am away until Monday and will not be able to deliver your message to the team.
            """);
        Assert.That(report.Kind, Is.EqualTo(BounceKind.NotBounce));
    }

    [Test]
    public void Parse_DeliveredNotice_IsNotABounce()
    {
        var report = Parse("""
            From: MAILER-DAEMON@mx.example.org
            To: news@example.com
            Subject: Successful Mail Delivery Report
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            Your message was delivered.
            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org

            Final-Recipient: rfc822; ada@example.com
            Action: delivered
            Status: 2.0.0
            --b--
            """);
        Assert.That(report.Kind, Is.EqualTo(BounceKind.NotBounce));
    }

    [Test, CancelAfter(10_000)]
    public void Parse_BounceWithAHugePastedLine_StaysFast()
    {
        var blob = new string('A', 2_000_000);
        var report = Parse($"""
            From: MAILER-DAEMON@mx.example.org
            To: news@example.com
            Subject: failure notice

            <ada@example.com>:
            Sorry, no mailbox here by that name. (#5.1.1)
            {blob}
            """);
        Assert.That(report.Recipient, Is.EqualTo("ada@example.com"));
    }

    private static BounceReport Parse(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n") + "\n"));
        return new BounceParser(Verp).Parse(MimeMessage.Load(stream));
    }
}
