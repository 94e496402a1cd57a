// The outbox as a user meets it: one whole .eml per delivery, readable by its owner only.
using Newsletter.Integration.Tests.Peers;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

public class OutboxTests
{
    [Test]
    public void Send_ToTheOutbox_WritesOwnerOnlyFoldersAndFilesThatParseStrictly()
    {
        using var workspace = new TestWorkspace();
        for (var i = 0; i < 5; i++) Assert.That(workspace.Run("subscribers", "add", $"reader{i}@example.com").ExitCode, Is.EqualTo(0));
        var send = workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Output + send.Error);

        var folder = workspace.PathOf($"outbox/{SampleIssue.Slug}");
        var files = Directory.GetFiles(folder, "*.eml");
        Assert.That(files, Has.Length.EqualTo(5));
        Assert.That(Directory.GetFiles(folder, "*.tmp"), Is.Empty);
        if (!OperatingSystem.IsLinux()) return;
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(ownerOnly | UnixFileMode.UserExecute));
        Assert.That(files.Select(File.GetUnixFileMode), Has.All.EqualTo(ownerOnly));
        Assert.That(StrictParser.ParseFile(files[0]).GetProperty("structure").GetProperty("content_type").GetString(), Is.EqualTo("multipart/alternative"));
    }
}

public class StatusAfterACrashTests
{
    [Test]
    public void Status_ClaimedButNotHandedOver_IsNotCountedInFlight()
    {
        using var workspace = new TestWorkspace();
        for (var i = 0; i < 10; i++) Assert.That(workspace.Run("subscribers", "add", $"reader{i}@example.com").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text())).ExitCode, Is.EqualTo(0));
        // What a run killed mid-batch leaves: ten claimed, four of them handed to the transport.
        workspace.Count("UPDATE deliveries SET status = 'sending', claimed_by = 'gone', handed_at = NULL, sent_at = NULL RETURNING 1");
        workspace.Count("UPDATE deliveries SET handed_at = '2026-11-20T08:00:00.0000000Z' WHERE id <= 4 RETURNING 1");

        var status = workspace.Run("status", SampleIssue.Slug);
        Assert.That(status.ExitCode, Is.EqualTo(0), status.Error);
        Assert.That(status.Output, Does.Contain("in flight 4, claimed 6 (not handed over)"));
    }
}
