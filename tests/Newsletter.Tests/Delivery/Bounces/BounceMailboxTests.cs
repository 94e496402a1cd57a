using MailKit.Security;
using Newsletter.Configuration;
using Newsletter.Delivery.Bounces;

namespace Newsletter.Tests.Delivery.Bounces;

public class BounceMailboxTests
{
    [TestCase("imaps://bounces%40news.example.com@imap.example.com/Bounces", MailboxProtocol.Imap, 993, "Bounces", SecureSocketOptions.SslOnConnect)]
    [TestCase("imap://bounces%40news.example.com@imap.example.com", MailboxProtocol.Imap, 143, "INBOX", SecureSocketOptions.StartTls)]
    [TestCase("pop3s://bounces%40news.example.com@pop.example.com", MailboxProtocol.Pop3, 995, "INBOX", SecureSocketOptions.SslOnConnect)]
    [TestCase("pop3://bounces%40news.example.com@pop.example.com:1110", MailboxProtocol.Pop3, 1110, "INBOX", SecureSocketOptions.StartTls)]
    public void TryParse_Url_GivesProtocolPortFolderAndSecurity(string url, MailboxProtocol protocol, int port, string folder, SecureSocketOptions security)
    {
        Assert.That(BounceMailbox.TryParse(url, null, out var mailbox, out var reason), Is.True, reason);
        Assert.That((mailbox!.Protocol, mailbox.Port, mailbox.Folder, mailbox.Security, mailbox.User),
            Is.EqualTo((protocol, port, folder, security, "bounces@news.example.com")));
        Assert.That(mailbox.ToString(), Does.Not.Contain("bounces@"));
    }

    [Test]
    public void TryParse_SecuritySetting_WinsOverTheScheme()
    {
        Assert.That(BounceMailbox.TryParse("imap://u@127.0.0.1:1143", "none", out var mailbox, out _), Is.True);
        Assert.That(mailbox!.Security, Is.EqualTo(SecureSocketOptions.None));
    }

    [TestCase("https://u@example.com/", "the scheme 'https' is not imap, imaps, pop3 or pop3s")]
    [TestCase("imaps://imap.example.com/INBOX", "it names no user")]
    [TestCase("not a url", "not a URL")]
    public void TryParse_BadUrl_SaysWhy(string url, string expected)
    {
        Assert.That(BounceMailbox.TryParse(url, null, out _, out var reason), Is.False);
        Assert.That(reason, Does.StartWith(expected));
    }

    [Test]
    public void From_UrlWithPassword_IsRefusedWithoutRepeatingIt()
    {
        var settings = new BounceSettings { Mailbox = "imaps://bounces:hunter2@imap.example.com/INBOX" };
        var error = Assert.Throws<InputException>(() => BounceMailbox.From(settings))!;
        Assert.That(error.Message, Does.Contain("NEWSLETTER_BOUNCES_PASSWORD").And.Not.Contain("hunter2"));
    }

    [Test]
    public void From_UnknownSecurity_IsRefused()
    {
        var error = Assert.Throws<InputException>(() => BounceMailbox.From(new BounceSettings { Mailbox = "imap://u@h.example", Security = "ssl3" }))!;
        Assert.That(error.Message, Does.Contain("bounces.security 'ssl3' is not tls, starttls or none"));
    }
}
