using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;
using Newsletter.Signing;

namespace Newsletter.Integration.Tests.Web;

public class ServePollTests
{
    [Test]
    public async Task Serve_PollLinkFromSentEmail_RecordsVoteSeenInStats()
    {
        using var workspace = new TestWorkspace();
        var port = TestWorkspace.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada Lovelace").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("subscribers", "add", "grace@example.org").ExitCode, Is.EqualTo(0));
        var send = workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);

        var eml = Directory.GetFiles(workspace.PathOf($"outbox/{SampleIssue.Slug}"), "*.eml").Order().First();
        var text = StrictParser.ParseFile(eml).GetProperty("structure").GetProperty("children")[0].GetProperty("text").GetString()!;
        var pollLinks = Regex.Matches(text, Regex.Escape(baseUrl) + @"/poll/[A-Za-z0-9_-]+").Select(m => m.Value).ToList();
        Assert.That(pollLinks, Has.Count.EqualTo(5), text);

        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, baseUrl + "/");

            // The link opens a page whose form (submitted by its script in a browser) records the vote.
            var page = await http.GetAsync(pollLinks[1]);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            var vote = await http.PostAsync(pollLinks[1], new FormUrlEncodedContent([KeyValuePair.Create("form", RunningSite.FormToken(await page.Content.ReadAsStringAsync()))]));
            Assert.That(vote.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await vote.Content.ReadAsStringAsync(), Does.Contain("Thank you"));

            var token = pollLinks[0][(pollLinks[0].LastIndexOf('/') + 1)..];
            var forged = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
            var refused = await http.GetAsync($"{baseUrl}/poll/{forged}");
            Assert.That((int)refused.StatusCode, Is.InRange(400, 499));
            Assert.That((int)(await http.GetAsync($"{baseUrl}/poll/not-a-token")).StatusCode, Is.InRange(400, 499));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        var stats = workspace.Run("stats", SampleIssue.Slug, "--format", "json");
        Assert.That(stats.ExitCode, Is.EqualTo(0), stats.Error);
        var figures = JsonDocument.Parse(stats.Output).RootElement[0];
        Assert.That(figures.GetProperty("delivered").GetInt32(), Is.EqualTo(2));
        Assert.That(figures.GetProperty("responses").GetInt32(), Is.EqualTo(1), "the forged token recorded nothing");
        Assert.That(figures.GetProperty("average").GetDouble(), Is.EqualTo(4));
        Assert.That(figures.GetProperty("response_rate").GetDouble(), Is.EqualTo(0.5));
        Assert.That(figures.GetProperty("votes").EnumerateArray().Single(v => v.GetProperty("value").GetInt32() == 4).GetProperty("count").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Serve_OneClickUnsubscribePost_UnsubscribesIdempotently()
    {
        using var workspace = new TestWorkspace();
        var port = TestWorkspace.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        workspace.Run("subscribers", "add", "ada@example.com");
        Assert.That(workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text())).ExitCode, Is.EqualTo(0));
        var eml = Directory.GetFiles(workspace.PathOf($"outbox/{SampleIssue.Slug}"), "*.eml").Single();
        var header = StrictParser.ParseFile(eml).GetProperty("headers").EnumerateArray()
            .Single(h => h[0].GetString() == "List-Unsubscribe")[1].GetString()!.Trim().Trim('<', '>');

        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, baseUrl + "/");
            var page = await http.GetAsync(header);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a GET only shows the confirmation page");
            Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'active'"), Is.EqualTo(1));
            for (var i = 0; i < 2; i++)
            {
                var response = await http.PostAsync(header, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'unsubscribed'"), Is.EqualTo(1));
    }
}
