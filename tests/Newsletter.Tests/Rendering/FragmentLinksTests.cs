// In-page links: every one points at the issue's web page, where its target is.
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Tests.Checks;

namespace Newsletter.Tests.Rendering;

public class FragmentLinksTests
{
    private const string Page = "https://news.example.com/issues/2026-12-01-x";

    [Test]
    public void Resolve_EveryFragmentLink_PointsAtTheWebPage()
    {
        var html = "<p><a href=\"#comment-form\">x</a> <a class=\"y\" href='#top'>t</a> <a href=\"#\">self</a> <a href=\"https://a.example/#b\">o</a></p>";

        Assert.That(FragmentLinks.Resolve(html, Page), Is.EqualTo(
            $"<p><a href=\"{Page}#comment-form\">x</a> <a class=\"y\" href='{Page}#top'>t</a> <a href=\"{Page}\">self</a> <a href=\"https://a.example/#b\">o</a></p>"));
    }

    [Test]
    public void Resolve_PercentEncodedFragment_IsKeptAsWritten()
    {
        Assert.That(FragmentLinks.Resolve("<a href=\"#caf%C3%A9\">c</a>", Page), Is.EqualTo($"<a href=\"{Page}#caf%C3%A9\">c</a>"));
    }

    [Test]
    public void Resolve_TextThatOnlyLooksLikeAnAttribute_IsLeftAlone()
    {
        var html = "<p>write href=\"#x\" in the tag</p>";

        Assert.That(FragmentLinks.Resolve(html, Page), Is.EqualTo(html));
    }

    [Test]
    public void Prepare_BodyWithFootnoteHeadingAndForeignFragment_LinksAllToThePageAndKeepsTheNotes()
    {
        var issue = IssueParser.Parse("issues/2026-12-01-x.md", """
            ---
            title: T
            preheader: P
            ---
            Leave a note in [the form](#comment-form), read a footnote[^1] or go [down](#further-reading).

            ## Further reading

            Back to the [top](#top-of-email).

            [^1]: The note.
            """);
        var templates = IssueRendererGoldenTests.RepositoryTemplatesPath();
        var email = IssueCheckerTests.Prepare(issue, templates).Render(Newsletter.Rendering.SampleSubscriber.Instance);

        Assert.That(email.Html, Does.Contain($"href=\"{Page}#comment-form\""));
        Assert.That(email.Html, Does.Contain($"href=\"{Page}#top-of-email\""));
        Assert.That(email.Html, Does.Contain($"href=\"{Page}#further-reading\"").And.Contain("id=\"further-reading\""));
        Assert.That(email.Html, Does.Contain($"href=\"{Page}#fn:1\"").And.Contain($"href=\"{Page}#fnref:1\""));
        Assert.That(email.Html, Does.Contain("The note."), "the notes stay in the email");
        Assert.That(email.Html, Does.Not.Match("href=[\"']#"), "no in-page link is left for a mail client to drop");
        Assert.That(email.Text, Does.Contain($"{Page}#comment-form"), "the text part shows where the link goes");
        Assert.That(email.Text, Does.Contain("footnote^1 ").And.Not.Contain("#fn:1"), "a footnote reference in text is its number");
    }

    [Test]
    public void RenderForArchive_FootnoteLinks_AreTheSamePageWithAFragment()
    {
        var issue = IssueParser.Parse("issues/2026-12-01-x.md", "---\ntitle: T\npreheader: P\n---\nA claim.[^1]\n\n[^1]: Its source.\n");

        var page = IssueCheckerTests.Prepare(issue, IssueRendererGoldenTests.RepositoryTemplatesPath()).RenderForArchive();

        Assert.That(page, Does.Contain($"href=\"{Page}#fn:1\"").And.Contain("id=\"fn:1\""),
            "on the page itself the link is to the same document, which a browser scrolls to");
    }
}
