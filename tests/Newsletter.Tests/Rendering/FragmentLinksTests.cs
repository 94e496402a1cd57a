// In-page links: kept when the email has their target, pointed at the issue's web page when it does not.
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Tests.Checks;

namespace Newsletter.Tests.Rendering;

public class FragmentLinksTests
{
    private const string Page = "https://news.example.com/issues/2026-12-01-x";

    [Test]
    public void Resolve_TargetNotInTheEmail_PointsAtTheWebPage()
    {
        var html = "<p><a href=\"#comment-form\">x</a> <a class=\"y\" href='#top'>t</a> <a href=\"#\">self</a></p>";

        Assert.That(FragmentLinks.Resolve(html, Page, new HashSet<string> { "top" }), Is.EqualTo(
            $"<p><a href=\"{Page}#comment-form\">x</a> <a class=\"y\" href='#top'>t</a> <a href=\"#\">self</a></p>"));
    }

    [Test]
    public void Resolve_PercentEncodedFragment_MatchesItsDecodedId()
    {
        var html = "<a href=\"#caf%C3%A9\">c</a><a href=\"#na%C3%AFve\">n</a>";

        Assert.That(FragmentLinks.Resolve(html, Page, new HashSet<string> { "café" }), Is.EqualTo(
            $"<a href=\"#caf%C3%A9\">c</a><a href=\"{Page}#na%C3%AFve\">n</a>"));
    }

    [Test]
    public void Targets_IdsAndAnchorNames_NotOtherNames()
    {
        var targets = FragmentLinks.Targets("<h2 id=\"intro\">I</h2><a name='old-style'></a><input name=\"q\"><abbr name=\"no\">A</abbr><li ID=\"fn:1\">");

        Assert.That(targets, Is.EquivalentTo(new[] { "intro", "old-style", "fn:1" }));
    }

    [Test]
    public void Prepare_BodyWithFootnoteHeadingAndForeignFragment_RewritesOnlyTheForeignOne()
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
        Assert.That(email.Html, Does.Contain("href=\"#further-reading\"").And.Contain("id=\"further-reading\""));
        Assert.That(email.Html, Does.Contain("href=\"#fn:1\"").And.Contain("href=\"#fnref:1\""), "footnotes stay in the email");
        Assert.That(email.Text, Does.Contain($"{Page}#comment-form"), "the text part shows where the link goes");
    }

    [Test]
    public void Prepare_FragmentWhoseTargetIsInTheLayout_StaysInPage()
    {
        using var temp = new Support.TempWorkspace();
        var source = IssueRendererGoldenTests.RepositoryTemplatesPath();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            temp.Write(Path.Combine("templates", Path.GetRelativePath(source, file)), File.ReadAllText(file));
        var footer = temp.PathOf("templates/partials/footer.html.liquid");
        File.WriteAllText(footer, "<div id=\"footer-notes\"></div>\n" + File.ReadAllText(footer));
        var issue = IssueParser.Parse("issues/2026-12-01-x.md", "---\ntitle: T\npreheader: P\n---\nSee [the notes](#footer-notes).\n");

        var html = IssueCheckerTests.Prepare(issue, temp.PathOf("templates")).Render(Newsletter.Rendering.SampleSubscriber.Instance).Html;

        Assert.That(html, Does.Contain("href=\"#footer-notes\""), "a partial's id is part of the email");
    }
}
