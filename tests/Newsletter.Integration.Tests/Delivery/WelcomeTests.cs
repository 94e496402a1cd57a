// The welcome issue through the real CLI and web site: each subscriber gets it once, whatever is run twice.
using System.Text.RegularExpressions;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Delivery;

public class WelcomeTests
{
    private const string Welcome = "---\ntitle: Welcome aboard\nwelcome: true\npoll: false\n---\nHello {{ subscriber.first_name | default: 'there' }}, glad you are here.\n";

    private static int Sent(TestWorkspace workspace) =>
        Directory.Exists(workspace.PathOf("outbox/welcome")) ? Directory.GetFiles(workspace.PathOf("outbox/welcome"), "*.eml").Length : 0;

    [Test]
    public void AddWelcome_Twice_SendsOneEmail()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("issues/welcome.md", Welcome);
        workspace.Run("subscribers", "add", "old@example.com");

        var first = workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada Lovelace", "--welcome");
        var second = workspace.Run("subscribers", "add", "ada@example.com", "--welcome");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        Assert.That(second.Output, Does.Contain("No welcome is waiting"));
        Assert.That(Sent(workspace), Is.EqualTo(1), "old@example.com was not added with --welcome and ada@ gets one");
        Assert.That(File.ReadAllText(Directory.GetFiles(workspace.PathOf("outbox/welcome"), "*.eml").Single()), Does.Contain("ada@example.com"));
        Assert.That(workspace.Count("SELECT count(*) FROM issues WHERE slug = 'welcome' AND status = 'sent'"), Is.Zero, "a welcome issue is never finished");
        Assert.That(workspace.Run("status").Output, Does.Contain("welcome: welcome"));
    }

    [Test]
    public void AddWelcome_WithoutAWelcomeIssue_ChangesNothing()
    {
        using var workspace = new TestWorkspace();
        var result = workspace.Run("subscribers", "add", "ada@example.com", "--welcome");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("--welcome: no issue in").And.Contain("says 'welcome: true'"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.Zero);
    }

    [Test]
    public void ImportWelcome_SendsToNewRowsOnce()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("issues/welcome.md", Welcome);
        workspace.Run("subscribers", "add", "old@example.com");
        var csv = workspace.Write("people.csv", "email,name\nold@example.com,Old\nada@example.com,Ada\nbob@example.com,Bob\n");

        var first = workspace.Run("subscribers", "import", csv, "--welcome");
        var again = workspace.Run("subscribers", "import", csv, "--welcome");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(Sent(workspace), Is.EqualTo(2), "the two new rows; the existing subscriber is only updated");
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = 'old@example.com'"), Is.Zero);
    }

    [Test]
    public void SendWelcomeIssue_SaysItGoesPerSubscriber_AndSendsNoOneElse()
    {
        using var workspace = new TestWorkspace();
        var path = workspace.Write("issues/welcome.md", Welcome);
        workspace.Run("subscribers", "add", "old@example.com");

        var dryRun = workspace.Run("send", path, "--dry-run");
        var result = workspace.Run("send", path);

        Assert.That(dryRun.ExitCode, Is.EqualTo(0), dryRun.Error);
        Assert.That(dryRun.Output, Does.Contain("0 welcome(s) wait to be sent. Nothing was sent."));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.Contain("'welcome' is the welcome issue (welcome: true): it goes to each subscriber once"));
        Assert.That(Sent(workspace), Is.Zero);
    }

    [Test]
    public void TwoWelcomeIssues_AreAnErrorNamingBoth()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("issues/welcome.md", Welcome);
        workspace.Write("issues/hello.md", Welcome);

        var add = workspace.Run("subscribers", "add", "ada@example.com", "--welcome");
        var due = workspace.Run("send", "--due");
        var send = workspace.Run("send", workspace.PathOf("issues/welcome.md"));
        var check = workspace.Run("check", workspace.PathOf("issues/welcome.md"));

        Assert.That(add.ExitCode, Is.EqualTo(1));
        Assert.That(add.Error, Does.Contain("hello.md").And.Contain("welcome.md").And.Contain("welcome: true"));
        Assert.That(due.ExitCode, Is.EqualTo(1));
        Assert.That(due.Error, Does.Contain("hello.md").And.Contain("welcome.md"));
        Assert.That(send.ExitCode, Is.EqualTo(1));
        Assert.That(send.Error, Does.Contain("hello.md").And.Contain("welcome.md"));
        Assert.That(check.ExitCode, Is.Not.EqualTo(0));
        Assert.That(check.Output + check.Error, Does.Contain("welcome.md(3,1)").And.Contain("say 'welcome: true'"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.Zero);
    }

    [Test]
    public async Task WebConfirm_ThenSendDueTwice_SendsExactlyOneWelcome()
    {
        using var workspace = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        workspace.Write("issues/welcome.md", Welcome);
        workspace.Run("subscribers", "add", "old@example.com");
        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient();
            await WaitUntilUp(http, baseUrl);
            await http.PostAsync(baseUrl + "/subscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "ada@example.com" }));
            var eml = File.ReadAllText(Directory.GetFiles(workspace.PathOf("outbox/confirm"), "*.eml").Single());
            var link = Regex.Match(eml.Replace("=\r\n", "").Replace("=\n", ""), Regex.Escape(baseUrl) + @"/subscribe/confirm/[A-Za-z0-9_-]+").Value;
            Assert.That(link, Is.Not.Empty);
            Assert.That((await http.PostAsync(link, null)).IsSuccessStatusCode);
            Assert.That((await http.PostAsync(link, null)).IsSuccessStatusCode, Is.False, "a used link does nothing");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
        Assert.That(Sent(workspace), Is.Zero, "the web only queues; send --due sends");

        var first = workspace.Run("send", "--due");
        var second = workspace.Run("send", "--due");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        Assert.That(Sent(workspace), Is.EqualTo(1));
        Assert.That(File.ReadAllText(Directory.GetFiles(workspace.PathOf("outbox/welcome"), "*.eml").Single()), Does.Contain("ada@example.com"));
    }

    private static async Task WaitUntilUp(HttpClient http, string baseUrl)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await http.GetAsync(baseUrl + "/subscribe");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail("serve did not start within 10 seconds");
    }
}
