// The public pages that grow the list: sign-up forms, link previews, canonical URLs and the newsletter's look.
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Web;

public class ArchiveGrowthTests
{
    private const string Slug = "2026-11-20-growth";
    private static readonly HtmlParser Parser = new();
    private TestWorkspace _files = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private string _baseUrl = "";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [OneTimeSetUp]
    public async Task SendAnIssueAndServe()
    {
        _files = new TestWorkspace();
        _baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        _files.Configure(c =>
        {
            c["name"] = "The Resilient Engineer";
            c["baseUrl"] = _baseUrl;
            c["signingKeyFile"] = _files.PathOf(".keys/signing.key");
            c["design"] = new JsonObject { ["accent"] = "#8a3ffc", ["logo"] = "https://cdn.example.com/logo.png" };
        });
        Assert.That(_files.Run("subscribers", "add", "ada@example.com", "--name", "Ada Lovelace").ExitCode, Is.EqualTo(0));
        var send = _files.Run("send", _files.Write($"issues/{Slug}.md", """
            ---
            title: Growing on purpose
            subject: "{{ subscriber.first_name | default: 'Friend' }}, growing on purpose"
            preheader: Why the archive is the best sign-up page you have
            ---
            Hi {{ subscriber.first_name | default: "there" }}.

            ![A chart of readers](https://cdn.example.com/readers.png)

            ![A second picture](https://cdn.example.com/second.png)
            """));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        _app = Newsletter.Web.NewsletterSite.Build(Workspace.Open(_files.PathOf("newsletter.json")), _baseUrl);
        await _app.StartAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        _http.Dispose();
        _files.Dispose();
    }

    [Test]
    public async Task IssuePage_TitleCanonicalAndOpenGraph_DescribeTheIssue()
    {
        var page = await Get($"/issues/{Slug}");
        var url = $"{_baseUrl}/issues/{Slug}";
        Assert.That(page.Title, Is.EqualTo("Growing on purpose — The Resilient Engineer"), "the issue's title: the subject is written for one reader's inbox");
        Assert.That(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Is.EqualTo(url));
        Assert.That(Meta(page, "og:title"), Is.EqualTo("Growing on purpose"));
        Assert.That(Meta(page, "og:description"), Is.EqualTo("Why the archive is the best sign-up page you have"));
        Assert.That(Meta(page, "og:url"), Is.EqualTo(url));
        Assert.That(Meta(page, "og:image"), Is.EqualTo("https://cdn.example.com/readers.png"), "the issue's first image");
        Assert.That(Meta(page, "og:site_name"), Is.EqualTo("The Resilient Engineer"));
        Assert.That(page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"), Is.EqualTo("summary_large_image"));
        Assert.That(page.QuerySelector("img.logo")!.GetAttribute("alt"), Is.EqualTo("The Resilient Engineer"));
    }

    [Test]
    public async Task IssuePage_SubscribeForm_PostsToTheSignupEndpointWithItsHoneypot()
    {
        var page = await Get($"/issues/{Slug}");
        var form = page.QuerySelector("td.subscribe form")!;
        Assert.That(form.GetAttribute("action"), Is.EqualTo(_baseUrl + "/subscribe"));
        Assert.That(form.GetAttribute("method"), Is.EqualTo("post"));
        Assert.That(form.QuerySelector("input[type=email][name=email][required]"), Is.Not.Null);
        Assert.That(form.QuerySelector("input[name=website]"), Is.Not.Null, "the bot trap goes with the form");
        Assert.That(form.QuerySelector("button")!.GetAttribute("style"), Does.Contain("#8a3ffc"));

        var answer = await Submit(form, "grace@example.com");
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Parser.ParseDocument(await answer.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent, Is.EqualTo("Check your inbox"));
        Assert.That(_files.Count("SELECT COUNT(*) FROM subscribers WHERE email = 'grace@example.com' AND status = 'pending'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Index_SubscribeFormCanonicalAndOpenGraph()
    {
        var page = await Get("/");
        Assert.That(page.Title, Is.EqualTo("The Resilient Engineer"));
        Assert.That(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Is.EqualTo(_baseUrl + "/"));
        Assert.That(Meta(page, "og:url"), Is.EqualTo(_baseUrl + "/"));
        Assert.That(Meta(page, "og:title"), Is.EqualTo("The Resilient Engineer"));
        Assert.That(page.QuerySelector($"a[href='{_baseUrl}/issues/{Slug}']"), Is.Not.Null);
        var form = page.QuerySelector(".signup form")!;
        Assert.That(form.GetAttribute("action"), Is.EqualTo(_baseUrl + "/subscribe"));
        var answer = await Submit(form, "ines@example.com");
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_files.Count("SELECT COUNT(*) FROM subscribers WHERE email = 'ines@example.com'"), Is.EqualTo(1));
    }

    [TestCase("/subscribe", "Subscribe to The Resilient Engineer")]
    [TestCase("/unsubscribe/not-a-token", "This link is not valid — The Resilient Engineer")]
    public async Task ReaderPages_CarryTheNameTheLogoAndTheAccent(string path, string title)
    {
        using var response = await _http.GetAsync(_baseUrl + path);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.That(page.Title, Is.EqualTo(title));
        Assert.That(page.QuerySelector(".site img")!.GetAttribute("src"), Is.EqualTo("https://cdn.example.com/logo.png"));
        Assert.That(page.QuerySelector(".site img")!.GetAttribute("alt"), Is.EqualTo("The Resilient Engineer"));
        Assert.That(page.QuerySelector("style")!.TextContent, Does.Contain("#8a3ffc"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("img-src 'self' data: https://cdn.example.com;"),
            "the logo's host may serve the logo");
    }

    [Test]
    public void Email_ShareLink_LandsOnTheIssuePage()
    {
        var eml = Directory.EnumerateFiles(_files.PathOf("outbox"), "*.eml", SearchOption.AllDirectories).Single();
        var html = MimeKit.MimeMessage.Load(eml).HtmlBody!;
        var share = Parser.ParseDocument(html).QuerySelector("td.share a")!;
        Assert.That(share.GetAttribute("href"), Is.EqualTo($"{_baseUrl}/issues/{Slug}"));
        Assert.That(Parser.ParseDocument(html).QuerySelector("td.subscribe"), Is.Null, "the sign-up form is for the web page, not the email");
    }

    private async Task<IDocument> Get(string path)
    {
        using var response = await _http.GetAsync(_baseUrl + path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    // Posts the form as a browser would: every named input, the address typed into the email field.
    private Task<HttpResponseMessage> Submit(IElement form, string email)
    {
        var fields = form.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!,
            i.GetAttribute("name") == "email" ? email : i.GetAttribute("value") ?? "")).ToList();
        return _http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    private static string? Meta(IDocument page, string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}
