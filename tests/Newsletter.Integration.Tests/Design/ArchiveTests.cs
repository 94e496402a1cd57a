// `serve` publishes sent issues: an index, a page per issue without personal links, and an Atom feed.
using System.Net;
using System.Xml.Linq;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Design;

public class ArchiveTests
{
    [Test]
    public async Task Serve_SentIssue_IndexPageAndFeedWithoutPersonalLinks()
    {
        using var workspace = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada Lovelace").ExitCode, Is.EqualTo(0));
        var send = workspace.Run("send", workspace.Write($"issues/{DesignIssue.Slug}.md", DesignIssue.Text));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        workspace.Write("issues/2026-12-01-draft.md", "---\ntitle: Not sent yet\n---\nDraft.");

        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, baseUrl);

            var index = await http.GetStringAsync(baseUrl + "/");
            Assert.That(index, Does.Contain($"href=\"{baseUrl}/issues/{DesignIssue.Slug}\""));
            Assert.That(index, Does.Contain("Every block of the default design"));
            Assert.That(index, Does.Not.Contain("Not sent yet"), "drafts are not published");

            var page = await http.GetAsync($"{baseUrl}/issues/{DesignIssue.Slug}");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var html = await page.Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain("Hi there, here is everything at once."), "merge fields rendered for an anonymous reader");
            Assert.That(html, Does.Not.Contain("{{"));
            Assert.That(html, Does.Not.Contain("/poll/").And.Not.Contain("/unsubscribe/").And.Not.Contain("ada@example.com"));
            Assert.That(html, Does.Contain("class=\"callout callout-info\""));
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(),
                Does.Contain($"img-src 'self' data: {baseUrl} https://news.example.com;").And.Not.Contain("script-src"), "the issue's own chart is allowed");

            var missing = await http.GetAsync($"{baseUrl}/issues/2026-12-01-draft");
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

            var feed = await http.GetAsync(baseUrl + "/feed.xml");
            Assert.That(feed.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/atom+xml"));
            var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());
            XNamespace ns = "http://www.w3.org/2005/Atom";
            var entry = atom.Root!.Elements(ns + "entry").Single();
            Assert.That(entry.Element(ns + "title")!.Value, Is.EqualTo("Every block of the default design"));
            Assert.That(entry.Element(ns + "id")!.Value, Is.EqualTo($"{baseUrl}/issues/{DesignIssue.Slug}"));
            Assert.That(entry.Element(ns + "content")!.Value, Does.Contain("Hi there").And.Not.Contain("/unsubscribe/"));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
