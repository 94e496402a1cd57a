// `bounces import` through the real CLI: a bounce of a message the outbox sent, from a pipe and from a Maildir.
using System.Text.Json;
using MimeKit;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

public class BounceImportTests
{
    [Test]
    public void Import_DsnOfASentMessageFromAPipe_SuppressesAndShowsInStatusStatsAndShow()
    {
        using var workspace = SentWorkspace(out var messageId);
        var dsn = Dsn("forwarded@elsewhere.example", messageId, "5.1.1", "550 5.1.1 <forwarded@elsewhere.example>: User unknown", "dsn-1@mx.example.org");

        var import = NewsletterCli.RunWithInput(workspace.Root, dsn, "bounces", "import", "-");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Error);
        Assert.That(import.Output, Does.Contain("-: hard 5.1.1 forwarded@elsewhere.example: suppressed"));
        Assert.That(import.Output, Does.Contain("1 reports: hard 1, soft 0, complaints 0, not bounces 0, unmatched 0, suppressed 1, already recorded 0"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'ada@example.com' AND status = 'bounced'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'bounced'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM bounces WHERE matched_by = 'message-id'"), Is.EqualTo(1));

        Assert.That(workspace.Run("status").Output, Does.Contain("bounces reported later: hard 1, soft 0, complaints 0"));
        using (var stats = JsonDocument.Parse(workspace.Run("stats", "--format", "json").Output))
            Assert.That(stats.RootElement[0].GetProperty("bounces").GetProperty("hard").GetInt32(), Is.EqualTo(1));
        using (var show = JsonDocument.Parse(workspace.Run("subscribers", "show", "ada@example.com", "--format", "json").Output))
        {
            var bounce = show.RootElement.GetProperty("bounces")[0];
            Assert.That((bounce.GetProperty("kind").GetString(), bounce.GetProperty("status_code").GetString(), bounce.GetProperty("issue").GetString()),
                Is.EqualTo(("hard", "5.1.1", SampleIssue.Slug)));
        }

        var again = NewsletterCli.RunWithInput(workspace.Root, dsn, "bounces", "import", "-");
        Assert.That(again.Output, Does.Contain("1 reports: hard 0, soft 0, complaints 0, not bounces 0, unmatched 0, suppressed 0, already recorded 1"));
        Assert.That(workspace.Count("SELECT count(*) FROM bounces"), Is.EqualTo(1));
    }

    [Test]
    public void Import_MaildirWithAFileThatIsNoMail_RecordsTheRestNamesTheFileAndFails()
    {
        using var workspace = SentWorkspace(out _);
        workspace.Write("bounces/new/1.eml", Dsn("bob@example.com", null, "4.2.2", "452 4.2.2 Mailbox full", "dsn-2@mx.example.org"));
        var bad = workspace.Write("bounces/cur/2.eml", "\u0000\u0001 this is no mail at all\n");
        workspace.Write("bounces/tmp/3.eml", "not delivered yet, never read");

        var import = workspace.Run("bounces", "import", workspace.PathOf("bounces"));
        Assert.That(import.ExitCode, Is.EqualTo(1));
        Assert.That(import.Error, Does.StartWith($"error: {bad}: not a mail message"));
        Assert.That(import.Output, Does.Contain("1 reports: hard 0, soft 1, complaints 0, not bounces 0, unmatched 0, suppressed 0, already recorded 0, unreadable 1"));
        Assert.That(workspace.Count("SELECT count(*) FROM bounces WHERE kind = 'soft' AND matched_by = 'recipient'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'active'"), Is.EqualTo(2));
    }

    [Test]
    public void Send_WithBounceAddress_UsesAVerpEnvelopeThatABounceIsMatchedBy()
    {
        using var server = Peers.AiosmtpdServer.Start();
        using var workspace = FaultySendTests.SmtpWorkspace(server.Port, maxConsecutiveErrors: 25);
        workspace.Configure(c => c["bounceAddress"] = "bounces@example.com");
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("subscribers", "add", "bob@example.com").ExitCode, Is.EqualTo(0));
        var send = workspace.Run("send", "--force", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Output + send.Error);

        var senders = server.Messages().ToDictionary(m => m.Recipients.Single(), m => m.MailFrom);
        Assert.That(senders.Values, Has.All.Match(@"^bounces\+\d+-[a-z2-7]{8}@example\.com$"));
        Assert.That(senders.Values.Distinct().Count(), Is.EqualTo(2), "each delivery has its own envelope sender");

        // A bounce that names neither the recipient nor the Message-ID: only its envelope says whose it is.
        var bounce = Dsn("someone@forwarded.example", null, "5.1.1", "550 5.1.1 unknown", "dsn-verp@mx.example.org")
            .Replace("To: newsletter@example.com", $"To: {senders["bob@example.com"]}");
        var import = NewsletterCli.RunWithInput(workspace.Root, bounce, "bounces", "import", "-");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Output + import.Error);
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'bob@example.com' AND status = 'bounced'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'ada@example.com' AND status = 'active'"), Is.EqualTo(1));
    }

    // Ada and Bob are sent the sample issue through the outbox; Ada's Message-ID is what her bounce returns.
    private static TestWorkspace SentWorkspace(out string adaMessageId)
    {
        var workspace = new TestWorkspace();
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("subscribers", "add", "bob@example.com").ExitCode, Is.EqualTo(0));
        var send = workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        adaMessageId = Directory.EnumerateFiles(workspace.PathOf($"outbox/{SampleIssue.Slug}"), "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Single().Address == "ada@example.com").MessageId!;
        return workspace;
    }

    private static string Dsn(string recipient, string? originalMessageId, string status, string diagnostic, string reportId) => $"""
        From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
        To: newsletter@example.com
        Subject: Undelivered Mail Returned to Sender
        Date: Fri, 20 Nov 2026 08:00:00 +0000
        Message-ID: <{reportId}>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain

        Your message could not be delivered.

        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; {recipient}
        Action: failed
        Status: {status}
        Diagnostic-Code: smtp; {diagnostic}

        --b1
        Content-Type: text/rfc822-headers

        From: Newsletter <newsletter@example.com>
        To: {recipient}
        Subject: Résumé
        {(originalMessageId is null ? "" : $"Message-ID: <{originalMessageId}>")}

        --b1--

        """.Replace("\r\n", "\n");
}
