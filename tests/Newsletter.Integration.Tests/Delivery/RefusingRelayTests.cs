// A relay that refuses every recipient must pause the send and suppress nobody; a bounce that was not one can be undone.
using Newsletter.Integration.Tests.Peers;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

public class RefusingRelayTests
{
    private static TestWorkspace ListOf(int port, int count)
    {
        var workspace = FaultySendTests.SmtpWorkspace(port, maxConsecutiveErrors: 25);
        workspace.Write("list.csv", "email\n" + string.Join("\n", Enumerable.Range(1, count).Select(i => $"reader{i}@example.com")) + "\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        return workspace;
    }

    [TestCase("554 5.7.1 <reader@example.com>: Relay access denied", "Relay access denied")]
    [TestCase("530 5.7.0 Authentication required", "Authentication required")]
    [TestCase("500 5.3.0 Error: command failed", "500 5.3.0 Error: command failed")]
    public void Send_RelayRefusesUsWithAPolicyCode_PausesAtOnceAndSuppressesNobody(string reply, string shown)
    {
        using var server = AiosmtpdServer.Start(refuseRecipients: reply);
        using var workspace = ListOf(server.Port, 30);
        var send = workspace.Run("send", "--force", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));

        Assert.That(send.ExitCode, Is.EqualTo(3), send.Output + send.Error);
        Assert.That(send.Error, Does.Contain("the mail server refused the send").And.Contain(shown));
        Assert.That(send.Error, Does.Not.Contain("SmtpSendResult").And.Not.Contain("Exception"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'active'"), Is.EqualTo(30), "nobody is suppressed");
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status IN ('bounced', 'sent')"), Is.EqualTo(0));
        Assert.That(workspace.Run("status").Output, Does.Contain($"{SampleIssue.Slug}: paused"));
    }

    [Test]
    public void Send_RelayRefusesEveryoneWithAPlain550_PausesAfterTheStreakAndSuppressesNobody()
    {
        // What Postfix's smtp-sink -f RCPT says: a 5xx with no enhanced status code to tell whose fault it is.
        using var server = AiosmtpdServer.Start(refuseRecipients: "550 Error: command failed");
        using var workspace = ListOf(server.Port, 40);
        var send = workspace.Run("send", "--force", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));

        Assert.That(send.ExitCode, Is.EqualTo(3), send.Output + send.Error);
        Assert.That(send.Error, Does.Contain("refused 10 recipients in a row with the same reply (550 Error: command failed)"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'active'"), Is.EqualTo(40), "nobody is suppressed");
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'bounced'"), Is.EqualTo(0));
    }

    [Test]
    public void Unsuppress_BouncedSubscribers_AreListedRestoredAndSentOnTheNextRun()
    {
        using var faulty = AiosmtpdServer.Start(faulty: true);
        using var workspace = FaultySendTests.SmtpWorkspace(faulty.Port, maxConsecutiveErrors: 25);
        workspace.Write("list.csv", "email\nok@example.com\nt550-gone@example.com\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());
        Assert.That(workspace.Run("send", "--force", issue).ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'bounced'"), Is.EqualTo(1));

        var dryRun = workspace.Run("subscribers", "unsuppress", "--reason", "bounced", "--issue", issue, "--dry-run");
        Assert.That(dryRun.Output, Does.Contain("t550-gone@example.com").And.Contain("550 5.1.1").And.Contain("1 bounced subscriber(s) would be restored"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'bounced'"), Is.EqualTo(1), "a dry run changes nothing");
        Assert.That(workspace.Run("subscribers", "unsuppress", "--reason", "bounced", "--since", "2000-01-01T00:00Z").Output,
            Does.Contain("Restored 1 subscriber(s)"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'active'"), Is.EqualTo(2));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'pending'"), Is.EqualTo(1));

        var refused = workspace.Run("subscribers", "unsuppress", "--reason", "unsubscribed");
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain("only bounced suppressions can"));
    }
}
