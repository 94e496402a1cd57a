// A subscriber whose name is one unbroken 5,000-character word: the send goes on and the email stays well formed.
using Newsletter.Integration.Tests.Peers;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

public class OversizedNameTests
{
    [Test]
    public void Send_NameLongerThanAHeaderLine_DeliversEveryoneWithNoLineOver998()
    {
        using var workspace = new TestWorkspace();
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("subscribers", "add", "long@example.com").ExitCode, Is.EqualTo(0));
        // Written straight into the database: the commands refuse such a name, but older lists may hold one.
        workspace.Count($"UPDATE subscribers SET name = '{new string('x', 5000)}' WHERE email = 'long@example.com' RETURNING 1");
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var dryRun = workspace.Run("send", "--dry-run", issue);
        Assert.That(dryRun.ExitCode, Is.EqualTo(0), dryRun.Output + dryRun.Error);
        var send = workspace.Run("send", issue);
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Output + send.Error);

        var files = Directory.GetFiles(workspace.PathOf($"outbox/{SampleIssue.Slug}"), "*.eml");
        Assert.That(files, Has.Length.EqualTo(2));
        Assert.That(Directory.GetFiles(workspace.PathOf("outbox"), "*.tmp", SearchOption.AllDirectories), Is.Empty);
        var longOne = files.Single(f => Path.GetFileName(f).Contains(".2@", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(longOne).Split("\r\n").Max(l => l.Length), Is.LessThanOrEqualTo(998));
        Assert.That(StrictParser.ParseFile(longOne).GetProperty("to")[0].GetProperty("addr_spec").GetString(), Is.EqualTo("long@example.com"));
    }
}
