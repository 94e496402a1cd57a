// `send ISSUE --test EMAIL,...` through the real CLI: marked as a test, mailed now, and nothing recorded.
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Newsletter.Integration.Tests.Peers;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Web;

namespace Newsletter.Integration.Tests.Delivery;

[NonParallelizable]
public class TestSendTests
{
    private static string Issue(TestWorkspace workspace) => workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

    private static string Ledger(TestWorkspace workspace) =>
        string.Join(",", new[] { "issues", "deliveries", "votes" }.Select(t => workspace.Count($"SELECT count(*) FROM {t}")));

    [Test]
    public void SendTest_ToTheOutbox_MarksTheTestAndLeavesLedgerAndStatsAlone()
    {
        using var workspace = new TestWorkspace();
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada Lovelace").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("subscribers", "add", "grace@example.org", "--name", "Grace Hopper").ExitCode, Is.EqualTo(0));
        var issue = Issue(workspace);
        Assert.That(workspace.Run("send", issue).ExitCode, Is.EqualTo(0));
        var (ledger, stats) = (Ledger(workspace), workspace.Run("stats", "--format", "json").Output);

        var test = workspace.Run("send", issue, "--test", "grace@example.org, editor@buildnotes.dev");

        Assert.That(test.ExitCode, Is.EqualTo(0), test.Output + test.Error);
        Assert.That(test.Output, Does.Contain("Test sent to grace@example.org.").And.Contain("Test sent to editor@buildnotes.dev."));
        Assert.That(Ledger(workspace), Is.EqualTo(ledger), "no issue, delivery or vote was added");
        Assert.That(workspace.Run("stats", "--format", "json").Output, Is.EqualTo(stats));
        var messages = Directory.GetFiles(workspace.PathOf($"outbox/{SampleIssue.Slug}-test"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Assert.That(messages.Select(m => m.To.Mailboxes.Single().Address), Is.EquivalentTo(new[] { "grace@example.org", "editor@buildnotes.dev" }));
        foreach (var message in messages)
        {
            Assert.That(message.Subject, Does.StartWith("[Test] "));
            Assert.That(message.Headers["X-Newsletter-Test"], Is.EqualTo("yes"));
        }
        // On the list: the subscriber's own merge fields; off it: the sample subscriber's.
        Assert.That(messages.Single(m => m.To.Mailboxes.Single().Address == "grace@example.org").TextBody, Does.Contain("Grace"));
        Assert.That(messages.Single(m => m.To.Mailboxes.Single().Address == "editor@buildnotes.dev").TextBody, Does.Contain("Ada"));
    }

    [Test]
    public void SendTest_BadAddress_SaysWhichAndSendsNothing()
    {
        using var workspace = new TestWorkspace();
        var test = workspace.Run("send", Issue(workspace), "--test", "ok@buildnotes.dev,not-an-address");

        Assert.That(test.ExitCode, Is.EqualTo(1));
        Assert.That(test.Error, Does.Contain("--test: 'not-an-address' is not an email address").And.Contain("nothing was sent"));
        Assert.That(Directory.Exists(workspace.PathOf("outbox")), Is.False);
    }

    [Test]
    public void SendTest_ThroughRealSmtp_ArrivesMarkedAndParses()
    {
        using var server = AiosmtpdServer.Start();
        using var workspace = new TestWorkspace();
        workspace.Configure(c =>
        {
            c["transport"] = $"smtp://127.0.0.1:{server.Port}";
            c["smtp"] = new System.Text.Json.Nodes.JsonObject { ["security"] = "none", ["connections"] = 1 };
        });
        var issue = Issue(workspace);

        var refused = workspace.Run("send", issue, "--test", "editor@buildnotes.dev");
        var test = workspace.Run("send", issue, "--test", "editor@buildnotes.dev", "--force");

        Assert.That(refused.ExitCode, Is.EqualTo(1), "the placeholder rule holds for tests too");
        Assert.That(test.ExitCode, Is.EqualTo(0), test.Output + test.Error);
        var stored = server.Messages().Single();
        Assert.That(stored.Recipients, Is.EqualTo(new[] { "editor@buildnotes.dev" }));
        var message = MimeMessage.Load(stored.Path);
        Assert.That(message.Subject, Is.EqualTo("[Test] Résumé: failure as a feature ✨"));
        Assert.That(message.Headers["X-Newsletter-Test"], Is.EqualTo("yes"));
        Assert.That(message.HtmlBody, Does.Contain("/poll/"));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.Zero);
    }

    [Test]
    public async Task Serve_PollLinkOfATest_AnswersWithTheTestPageAndRecordsNoVote()
    {
        using var workspace = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(0));
        var issue = Issue(workspace);
        Assert.That(workspace.Run("send", issue).ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("send", issue, "--test", "ada@example.com").ExitCode, Is.EqualTo(0));
        var text = MimeMessage.Load(Directory.GetFiles(workspace.PathOf($"outbox/{SampleIssue.Slug}-test"), "*.eml").Single()).TextBody!;
        var poll = Regex.Match(text, Regex.Escape(baseUrl) + @"/poll/[A-Za-z0-9_-]+").Value;
        var unsubscribe = Regex.Match(text, Regex.Escape(baseUrl) + @"/unsubscribe/[A-Za-z0-9_-]+").Value;

        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, baseUrl + "/");
            foreach (var response in new[]
            {
                await http.GetAsync(poll),
                await http.PostAsync(poll, new FormUrlEncodedContent([KeyValuePair.Create("form", "x")])),
                await http.GetAsync(unsubscribe),
                await http.PostAsync(unsubscribe, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")])),
            })
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("This was a test email; your click was not recorded"));
            }
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
        Assert.That(workspace.Count("SELECT count(*) FROM votes"), Is.Zero);
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'active'"), Is.EqualTo(1));
        var figures = JsonDocument.Parse(workspace.Run("stats", SampleIssue.Slug, "--format", "json").Output).RootElement[0];
        Assert.That(figures.GetProperty("responses").GetInt32(), Is.Zero);
    }
}
