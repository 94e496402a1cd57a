// The confirmation before an interactive send, with the terminal played by the test: answer y, answer n, and --yes.
using System.CommandLine;
using Newsletter.Cli;
using Newsletter.Cli.Commands;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.CommandLine;

[NonParallelizable]
public class SendConfirmationTests
{
    // Back to the real terminal check for every other test.
    [TearDown]
    public void RestoreTheConsole() => SendConfirmation.Current = null;

    private static TestWorkspace TwoSubscribers(out string issue)
    {
        var workspace = new TestWorkspace();
        // In this process, the key stays in the workspace rather than in the user's configuration folder.
        workspace.Configure(c => c["signingKeyFile"] = "signing.key");
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("subscribers", "add", "grace@example.org").ExitCode, Is.EqualTo(0));
        issue = workspace.Write("issues/2026-12-01-notes.md", "---\ntitle: \"Build Notes #12\"\npreheader: This week\n---\nHello.\n");
        return workspace;
    }

    // The send command in this process, so the terminal the test plays is the one it asks.
    private static int Send(TestWorkspace workspace, string answer, StringWriter screen, params string[] args)
    {
        SendConfirmation.Current = new SendConfirmation(() => true, new StringReader(answer), screen);
        var root = new RootCommand { SendCommand.Create() };
        root.Options.Add(CommonOptions.Config);
        return root.Parse(["send", .. args, "--config", workspace.PathOf("newsletter.json")]).InvokeAsync().GetAwaiter().GetResult();
    }

    [Test]
    public void Send_AnswerNo_CancelsWithItsOwnExitCodeAndRecordsNothing()
    {
        using var workspace = TwoSubscribers(out var issue);
        var screen = new StringWriter();

        var exit = Send(workspace, "n\n", screen, issue);

        Assert.That(exit, Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(screen.ToString(), Is.EqualTo("Send 'Build Notes #12' to 2 subscribers? [y/N] "));
        Assert.That(workspace.Count("SELECT count(*) FROM issues"), Is.Zero);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.Zero);
        Assert.That(Directory.Exists(workspace.PathOf("outbox")), Is.False);
    }

    [TestCase("y\n")]
    [TestCase("YES\n")]
    public void Send_AnswerYes_Sends(string answer)
    {
        using var workspace = TwoSubscribers(out var issue);
        var screen = new StringWriter();

        var exit = Send(workspace, answer, screen, issue);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(screen.ToString(), Does.StartWith("Send 'Build Notes #12' to 2 subscribers?"));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"), Is.EqualTo(2));
    }

    [Test]
    public void Send_Yes_SendsWithoutAsking()
    {
        using var workspace = TwoSubscribers(out var issue);
        var screen = new StringWriter();

        var exit = Send(workspace, "", screen, issue, "--yes");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(screen.ToString(), Is.Empty);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"), Is.EqualTo(2));
    }

    [TestCase("")]
    [TestCase("no\n")]
    [TestCase("sure\n")]
    public void Confirm_AnythingButYes_Declines(string answer) =>
        Assert.That(new SendConfirmation(() => true, new StringReader(answer), new StringWriter()).Confirm("T", 3, yes: false), Is.False);

    [Test]
    public void Confirm_NoTerminal_GoesWithoutAsking()
    {
        var screen = new StringWriter();
        Assert.That(new SendConfirmation(() => false, new StringReader("n\n"), screen).Confirm("T", 1006, yes: false), Is.True);
        Assert.That(screen.ToString(), Is.Empty);
    }

    [Test]
    public void Question_ManySubscribers_GroupsThousands() =>
        Assert.That(SendConfirmation.Question("Build Notes #12", 1006), Is.EqualTo("Send 'Build Notes #12' to 1,006 subscribers? [y/N] "));

    [Test]
    public void Send_FromAPipe_AsksNothing()
    {
        using var workspace = TwoSubscribers(out var issue);
        // A child process's standard input and output are pipes, as under cron.
        var send = workspace.Run("send", issue);
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Output + send.Error);
        Assert.That(send.Output, Does.Not.Contain("[y/N]"));
    }
}
