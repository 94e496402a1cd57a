// The hourly limit through the real CLI: a run stops at the limit, counted across runs from the ledger.
using System.Text.Json.Nodes;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

public class RateLimitTests
{
    [Test]
    public void Send_HourlyLimitReached_StopsAndLeavesTheRestQueued()
    {
        using var workspace = new TestWorkspace();
        workspace.Configure(c => c["delivery"] = new JsonObject { ["messagesPerHour"] = 5, ["messagesPerSecond"] = 50 });
        workspace.Write("list.csv", "email\n" + string.Join("\n", Enumerable.Range(1, 8).Select(i => $"reader{i}@example.com")) + "\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var first = workspace.Run("send", issue);
        Assert.That(first.ExitCode, Is.EqualTo(3), first.Output + first.Error);
        Assert.That(first.Error, Does.Contain("the limit of 5 messages per hour is reached"));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"), Is.EqualTo(5));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'pending'"), Is.EqualTo(3));

        var second = workspace.Run("send", issue);
        Assert.That(second.ExitCode, Is.EqualTo(3), "the hour counts messages of earlier runs too");
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"), Is.EqualTo(5));
        Assert.That(workspace.Run("status").Output, Does.Contain($"{SampleIssue.Slug}: sending"));
    }
}
