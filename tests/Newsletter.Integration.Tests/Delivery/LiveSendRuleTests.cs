// The placeholder rule through the real CLI: a live send with init's settings is refused, --force sends, check warns.
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class LiveSendRuleTests
{
    // Keeps each message it is handed, named after the recipient.
    private const string FakeSendmail = "#!/bin/sh\nout=\"$(dirname \"$0\")/received\"\nmkdir -p \"$out\"\nfor rcpt; do :; done\ncat > \"$out/$rcpt.eml\"\nexit 0\n";

    private static TestWorkspace SendmailWorkspace()
    {
        var workspace = new TestWorkspace();
        var sendmail = workspace.Write("bin/sendmail", FakeSendmail);
        File.SetUnixFileMode(sendmail, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        workspace.Configure(c => c["transport"] = $"sendmail:{sendmail}");
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(0));
        return workspace;
    }

    [Test]
    public void Send_PlaceholderSettings_RefusesWithTheSettingAndSendsNothing()
    {
        using var workspace = SendmailWorkspace();
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var send = workspace.Run("send", issue);

        Assert.That(send.ExitCode, Is.EqualTo(1), send.Output + send.Error);
        Assert.That(send.Error, Does.Contain("newsletter.json(").And.Contain("'baseUrl' is \"http://127.0.0.1:5080\", a loopback address")
            .And.Contain("nothing was sent").And.Contain("--force"));
        Assert.That(Directory.Exists(workspace.PathOf("bin/received")), Is.False);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.Zero);
    }

    [Test]
    public void Send_Force_SendsDespiteThePlaceholders()
    {
        using var workspace = SendmailWorkspace();
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var send = workspace.Run("send", issue, "--force");

        Assert.That(send.ExitCode, Is.EqualTo(0), send.Output + send.Error);
        Assert.That(File.Exists(workspace.PathOf("bin/received/ada@example.com.eml")), Is.True);
    }

    [Test]
    public void SubscribersAddWelcome_PlaceholderSettings_RefusesBeforeAdding()
    {
        using var workspace = SendmailWorkspace();
        workspace.Write("issues/welcome.md", "---\ntitle: Welcome\npreheader: Hello\nwelcome: true\n---\nHello.\n");

        var add = workspace.Run("subscribers", "add", "grace@example.org", "--welcome");

        Assert.That(add.ExitCode, Is.EqualTo(1), add.Output + add.Error);
        Assert.That(add.Error, Does.Contain("'baseUrl'"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'grace@example.org'"), Is.Zero);
    }

    [Test]
    public void Check_PlaceholderSettings_WarnsNamingEach()
    {
        using var workspace = SendmailWorkspace();
        var check = workspace.Run("check", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));

        Assert.That(check.ExitCode, Is.EqualTo(0), check.Output + check.Error);
        Assert.That(check.Output, Does.Contain("warning placeholder-setting: 'baseUrl'").And.Contain("warning placeholder-setting: 'from'"));
    }
}
