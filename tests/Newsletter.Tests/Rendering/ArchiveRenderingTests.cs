// The web page of an issue: the email layout for an anonymous reader, without personal links.
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Rendering;

public class ArchiveRenderingTests
{
    [Test]
    public void RenderForArchive_SampleIssue_HasNoPersonalLinksAndRendersMergeFieldDefaults()
    {
        var issue = IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: T\npreheader: P\n---\nHi {{ subscriber.first_name | default: \"there\" }}, {{ subscriber.company }}.\n\n```mermaid\ngraph LR\n```\n");
        var renderer = Prepare(issue);
        var page = renderer.RenderForArchive();
        Assert.That(page, Does.Contain("Hi there, ."));
        Assert.That(page, Does.Not.Contain("/poll/").And.Not.Contain("/unsubscribe/").And.Not.Contain("ada@example.com"));
        Assert.That(page, Does.Not.Contain("View in your browser").And.Not.Contain("See this diagram"), "the page is the online version");
        Assert.That(page, Does.Not.Contain("class=\"preheader\""), "inboxes need the preheader, web pages do not");

        var email = renderer.Render(new Subscriber(3, "ada@example.com", "Ada Lovelace", new Dictionary<string, string> { ["company"] = "Engines" }, SubscriberStatus.Active));
        Assert.That(email.Html, Does.Contain("Hi Ada, Engines."));
        Assert.That(email.Html, Does.Contain("/unsubscribe/").And.Contain("/poll/").And.Contain("See this diagram drawn in the online version"));
    }

    [Test]
    public void Render_CalloutInTextPart_KeepsTitleAndParagraphsApart()
    {
        var issue = IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: T\npreheader: P\npoll: false\n---\n!!! tip \"Try this\"\n    Run the drill **monthly**.\n\nText with a note[^1].\n\n[^1]: The note.\n");
        var text = Prepare(issue).Render(new Subscriber(3, "ada@example.com", null, new Dictionary<string, string>(), SubscriberStatus.Active)).Text;
        Assert.That(text, Does.Contain("Try this\n\nRun the drill monthly."));
        Assert.That(text, Does.Contain("Text with a note^1."));
        Assert.That(text, Does.Contain("1. The note.").And.Not.Contain("↩"));
    }

    private static IssueRenderer Prepare(Issue issue)
    {
        var links = new PersonalLinks("https://news.example.com", new LinkToken(new SigningKeyRing([new byte[32]]), new ManualClock(DateTimeOffset.UnixEpoch)));
        var info = new NewsletterInfo("The Resilient Engineer", "1 Example Street, Berlin", "https://news.example.com/");
        return IssueRenderer.Prepare(issue, new TemplateFolder(IssueRendererGoldenTests.RepositoryTemplatesPath()), links.Archive(issue.Slug),
            (html, text) => new EmailModel(issue, 7, html, text, info, links, ["company"]));
    }
}
