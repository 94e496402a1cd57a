// `serve` publishes the local images of a sent issue, and only those, at the URLs its email and web page use.
using System.Net;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Design;

public class ArchiveImageTests
{
    private const string Slug = "2026-12-01-pictures";

    // A valid 1x1 PNG, so a browser or client would show what is served.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    [Test]
    public async Task Serve_SentIssueWithLocalImages_ServesThemWhereTheEmailPointsAndNothingElse()
    {
        using var workspace = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        WriteBytes(workspace, "issues/images/hero.png", Png);
        WriteBytes(workspace, $"issues/{Slug}/own.png", [.. Png, 0]);
        WriteBytes(workspace, "issues/images/unused.png", Png);
        WriteBytes(workspace, "issues/images/draft.png", Png);
        workspace.Write("issues/images/notes.txt", "not an image");
        var issue = workspace.Write($"issues/{Slug}.md", """
            ---
            title: Pictures
            preheader: Three images
            ---
            ![Hero](images/hero.png){width=600}

            <img src="own.png" alt="Own" width="600">

            ![Remote](https://images.example.org/a.png){width=600}
            """);
        workspace.Write("issues/2026-12-05-draft.md", "---\ntitle: Draft\n---\n![Draft](images/draft.png)\n");
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada Lovelace").ExitCode, Is.EqualTo(0));
        var send = workspace.Run("send", issue);
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Output + send.Error);
        var email = MimeKit.MimeMessage.Load(Directory.EnumerateFiles(workspace.PathOf($"outbox/{Slug}"), "*.eml").Single()).HtmlBody;
        Assert.That(email, Does.Contain($"{baseUrl}/issues/{Slug}/images/hero.png").And.Contain($"{baseUrl}/issues/{Slug}/own.png"));

        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, baseUrl);

            var page = await http.GetAsync($"{baseUrl}/issues/{Slug}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain($"src=\"{baseUrl}/issues/{Slug}/images/hero.png\""));
            var policy = page.Headers.GetValues("Content-Security-Policy").Single();
            Assert.That(policy, Does.Contain($"img-src 'self' data: {baseUrl} https://images.example.org;"));
            Assert.That(policy, Does.Not.Contain(" https: "), "only the origins the issue uses");

            await AssertImage(http, $"{baseUrl}/issues/{Slug}/images/hero.png", Png);
            await AssertImage(http, $"{baseUrl}/issues/{Slug}/own.png", [.. Png, 0]);

            foreach (var path in new[]
                     {
                         $"/issues/{Slug}/images/unused.png", // beside the issue but not shown by it
                         $"/issues/{Slug}/images/notes.txt",
                         $"/issues/{Slug}/{Slug}.md",
                         $"/issues/{Slug}/images/%2e%2e/%2e%2e/newsletter.json",
                         $"/issues/{Slug}/images%2F..%2F..%2Fnewsletter.json",
                         $"/issues/{Slug}/..%5Cnewsletter.db",
                         "/issues/2026-12-05-draft/images/draft.png", // a draft is not published
                         "/issues/images/hero.png",
                     })
                Assert.That((await Get(http, baseUrl + path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    private static async Task AssertImage(HttpClient http, string url, byte[] expected)
    {
        var response = await http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(expected));
    }

    // Sent as written: HttpClient would otherwise remove the dot segments before the server sees them.
    private static Task<HttpResponseMessage> Get(HttpClient http, string url) =>
        http.GetAsync(new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

    private static void WriteBytes(TestWorkspace workspace, string relative, byte[] bytes)
    {
        var path = workspace.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
