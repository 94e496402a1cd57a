// `serve` publishes the design's local logo at the absolute URL the emails name.
using System.Net;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Web;

public class DesignLogoTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3];

    [Test]
    public async Task Serve_LocalLogo_ServedAtTheUrlTheEmailNames()
    {
        using var files = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        File.WriteAllBytes(files.PathOf("brand.png"), Png);
        files.Configure(c =>
        {
            c["baseUrl"] = baseUrl;
            c["design"] = new System.Text.Json.Nodes.JsonObject { ["logo"] = "brand.png" };
        });
        var render = files.Run("render", files.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()), "--out", "out");
        Assert.That(render.ExitCode, Is.EqualTo(0), render.Error);
        Assert.That(File.ReadAllText(files.PathOf($"out/{SampleIssue.Slug}.html")), Does.Contain($"src=\"{baseUrl}/design/logo.png\""));

        var workspace = Workspace.Open(files.PathOf("newsletter.json"));
        await using var app = Newsletter.Web.NewsletterSite.Build(workspace, baseUrl);
        await app.StartAsync();
        using var http = new HttpClient();
        var logo = await http.GetAsync(baseUrl + "/design/logo.png");
        Assert.That(logo.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logo.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(await logo.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
        Assert.That((await http.GetAsync(baseUrl + "/design/brand.png")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "only the logo is published");
        await app.StopAsync();
    }
}
