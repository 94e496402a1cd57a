// Drives `newsletter send` through the scripted faulty aiosmtpd server and checks what the ledger records.
using Newsletter.Storage;
using System.Text.Json.Nodes;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery;

public class FaultySendTests
{
    [Test]
    public void Send_FaultyServer_RecordsBounceRetryAndThrottleInTheLedger()
    {
        using var server = AiosmtpdServer.Start(faulty: true);
        using var workspace = SmtpWorkspace(server.Port, maxConsecutiveErrors: 50);
        workspace.Write("list.csv", "email,name\nok1@example.com,A\nt550-gone@example.com,B\nt451-later@example.com,C\n" +
            "t452-full@example.com,D\nt454-auth@example.com,E\nt421-busy@example.com,F\ndropfirst-flaky@example.com,G\nok2@example.com,H\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var first = workspace.Run("send", "--force", issue);
        Assert.That(first.ExitCode, Is.EqualTo(3), first.Output + first.Error);
        Assert.That(StatusOf(workspace, "t550-gone@example.com"), Is.EqualTo("bounced"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 't550-gone@example.com' AND status = 'bounced'"), Is.EqualTo(1));
        foreach (var soft in new[] { "t451-later", "t452-full", "t454-auth", "t421-busy" })
            Assert.That(StatusOf(workspace, soft + "@example.com"), Is.EqualTo("soft-failed"), soft);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'soft-failed' AND retry_at IS NOT NULL"), Is.EqualTo(4));
        Assert.That(StatusOf(workspace, "dropfirst-flaky@example.com"), Is.EqualTo("sent"), "a dropped connection is retried on a fresh one");
        Assert.That(first.Output, Does.Contain("wait for a retry"));
        Assert.That(first.Output, Does.Contain("  bounced 1: 550 5.1.1 No such user here"), "the reasons are grouped and counted");
        Assert.That(first.Output, Does.Contain("  deferred 1: 452 4.5.3 Too many recipients for this hour"));
        var status = workspace.Run("status", SampleIssue.Slug).Output;
        Assert.That(status, Does.Contain("  bounced 1: 550 5.1.1 No such user here").And.Contain("  deferred 1: 451 4.3.0 Temporary local problem"));
        var shown = workspace.Run("subscribers", "show", "t550-gone@example.com", "--format", "json").Output;
        Assert.That(shown, Does.Contain("\"last_reply\": \"550 5.1.1 No such user here\""));

        Thread.Sleep(TimeSpan.FromSeconds(1.2));
        var second = workspace.Run("send", "--force", issue);
        Assert.That(second.ExitCode, Is.EqualTo(3), second.Output + second.Error);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'soft-failed' AND retry_at IS NOT NULL"), Is.EqualTo(4));
        Assert.That(workspace.Count("SELECT attempts FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = 't451-later@example.com'"),
            Is.EqualTo(2));
        Assert.That(server.Messages().SelectMany(m => m.Recipients).Order(),
            Is.EqualTo(new[] { "dropfirst-flaky@example.com", "ok1@example.com", "ok2@example.com" }), "each accepted address exactly once");
    }

    [Test]
    public void Send_ConsecutiveErrors_PausesWithAReasonStatusShows()
    {
        using var server = AiosmtpdServer.Start(faulty: true);
        using var workspace = SmtpWorkspace(server.Port, maxConsecutiveErrors: 3);
        workspace.Write("list.csv", "email\n" + string.Join("\n", Enumerable.Range(1, 8).Select(i => $"drop-{i}@example.com")) + "\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var send = workspace.Run("send", "--force", issue);
        Assert.That(send.ExitCode, Is.EqualTo(3), send.Output + send.Error);
        Assert.That(send.Error, Does.Contain("paused after 3 failed deliveries in a row"));

        var status = workspace.Run("status");
        Assert.That(status.ExitCode, Is.EqualTo(0), status.Error);
        Assert.That(status.Output, Does.Contain($"{SampleIssue.Slug}: paused"));
        Assert.That(status.Output, Does.Contain("paused: paused after 3 failed deliveries in a row; last error:"));
        Assert.That(status.Output, Does.Contain("next retry:"));

        var due = workspace.Run("send", "--force", "--due");
        Assert.That(due.Output, Does.Contain("No issue is due."), "a paused issue is left alone by cron");
        Assert.That(workspace.Run("send", "--resume", SampleIssue.Slug).ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("status").Output, Does.Contain($"{SampleIssue.Slug}: sending"));
    }

    [Test]
    public void SendDue_TwoRunsAtOnce_SendEachSubscriberOnce()
    {
        using var server = AiosmtpdServer.Start();
        using var workspace = SmtpWorkspace(server.Port, maxConsecutiveErrors: 25);
        workspace.Write("list.csv", "email\n" + string.Join("\n", Enumerable.Range(1, 400).Select(i => $"reader{i}@example.com")) + "\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var runs = new[] { Task.Run(() => workspace.Run("send", "--force", "--due")), Task.Run(() => workspace.Run("send", "--force", "--due")) };
        Task.WaitAll(runs);
        Assert.That(runs.Select(r => r.Result.ExitCode), Is.SubsetOf(new[] { 0, 4 }), string.Join("\n", runs.Select(r => r.Result.Output + r.Result.Error)));
        if (runs.Any(r => r.Result.ExitCode != 0)) Assert.That(workspace.Run("send", "--force", "--due").ExitCode, Is.EqualTo(0));

        var recipients = server.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.That(recipients, Has.Count.EqualTo(400));
        Assert.That(recipients.Distinct().Count(), Is.EqualTo(400));
        Assert.That(workspace.Run("status").Output, Does.Contain($"{SampleIssue.Slug}: sent"));
    }

    internal static TestWorkspace SmtpWorkspace(int port, int maxConsecutiveErrors)
    {
        var workspace = new TestWorkspace();
        workspace.Configure(c =>
        {
            c["transport"] = $"smtp://127.0.0.1:{port}";
            c["smtp"] = new JsonObject { ["security"] = "none", ["connections"] = 2, ["timeoutSeconds"] = 10 };
            c["delivery"] = new JsonObject { ["retryBaseSeconds"] = 1, ["maxConsecutiveErrors"] = maxConsecutiveErrors };
        });
        return workspace;
    }

    private static string StatusOf(TestWorkspace workspace, string email)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={workspace.PathOf("newsletter.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.status FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = $email";
        command.Parameters.AddWithValue("$email", email);
        return (string)command.ExecuteScalar()!;
    }
}
