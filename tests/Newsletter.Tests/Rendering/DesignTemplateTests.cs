using AngleSharp.Html.Parser;
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Configuration;
using Newsletter.Rendering;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Rendering;

// The design settings as the default templates show them: logo, accent and footer line.
public class DesignTemplateTests
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public void Render_LocalLogo_HeaderShowsItByAbsoluteUrlWithTheNameAsAlt()
    {
        var email = Render(new DesignSettings { Logo = "/srv/brand/logo.png", LogoWidth = 140 });
        var logo = Parser.ParseDocument(email.Html).QuerySelector(".masthead img.logo")!;
        Assert.That(logo.GetAttribute("src"), Is.EqualTo("https://news.example.com/design/logo.png"));
        Assert.That(logo.GetAttribute("alt"), Is.EqualTo("The Resilient Engineer"));
        Assert.That(logo.GetAttribute("width"), Is.EqualTo("140"));
        Assert.That(Parser.ParseDocument(email.Html).QuerySelector(".brand"), Is.Null, "the logo replaces the name in text");
    }

    [Test]
    public void Render_NoLogo_HeaderShowsTheName() =>
        Assert.That(Parser.ParseDocument(Render(new DesignSettings()).Html).QuerySelector(".brand a")!.TextContent, Is.EqualTo("The Resilient Engineer"));

    [Test]
    public void Render_Accent_ColoursLinksHeadingsAndPollButtons()
    {
        var document = Parser.ParseDocument(Render(new DesignSettings { Accent = "#8A3FFC" }).Html);
        Assert.That(document.QuerySelector(".content a")!.GetAttribute("style"), Does.Contain("color: #8a3ffc"));
        Assert.That(document.QuerySelector(".content h2")!.GetAttribute("style"), Does.Contain("border-bottom: 2px solid #8a3ffc"));
        Assert.That(document.QuerySelectorAll("a.poll-option").Select(a => a.GetAttribute("style")), Is.All.Contain("border: 1px solid #8a3ffc"));
        Assert.That(document.QuerySelector(".share a")!.GetAttribute("style"), Does.Contain("#8a3ffc"));
    }

    [Test]
    public void Render_Footer_MarkdownInTheHtmlPlainInTheTextAndRawHtmlShownAsText()
    {
        var email = Render(new DesignSettings { Footer = "Made in *Berlin*; read [the about page](https://example.com/about). <b>x</b>" });
        var footer = Parser.ParseDocument(email.Html).QuerySelector(".footer-text")!;
        Assert.That(footer.QuerySelector("em")!.TextContent, Is.EqualTo("Berlin"));
        Assert.That(footer.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo("https://example.com/about"));
        Assert.That(footer.QuerySelector("b"), Is.Null, "raw HTML is not passed through");
        Assert.That(footer.TextContent, Does.Contain("<b>x</b>"));
        Assert.That(email.Text, Does.Contain("Made in Berlin; read the about page (https://example.com/about). <b>x</b>"));
    }

    [Test]
    public void Render_NoFooterSet_ShowsTheDefaultLineInsteadOfADisclaimer()
    {
        var email = Render(new DesignSettings());
        Assert.That(Parser.ParseDocument(email.Html).QuerySelector(".footer-text")!.TextContent, Is.EqualTo(DesignSettings.DefaultFooter));
        Assert.That(email.Text, Does.Contain(DesignSettings.DefaultFooter));
        Assert.That(email.Html + email.Text, Does.Not.Contain("professional advice"));
    }

    private static RenderedEmail Render(DesignSettings design)
    {
        var issue = IssueParser.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "Golden", "2026-11-20-sample.md"));
        var links = new PersonalLinks("https://news.example.com", new LinkToken(new SigningKeyRing([new byte[32]]), new ManualClock(DateTimeOffset.UnixEpoch)));
        var info = new NewsletterInfo("The Resilient Engineer", "1 Example Street", "https://news.example.com/", Design: DesignInfo.From(design, "https://news.example.com"));
        var renderer = IssueRenderer.Prepare(issue, new TemplateFolder(IssueRendererGoldenTests.RepositoryTemplatesPath()), links.Archive(issue.Slug),
            (html, text) => new EmailModel(issue, 7, html, text, info, links, ["company"]));
        return renderer.Render(new Subscriber(42, "ada@example.com", "Ada Lovelace", new Dictionary<string, string> { ["company"] = "Engines" }, SubscriberStatus.Active));
    }
}
