// Merge fields carry what readers typed: escaped in the HTML part, as written in the text part, raw on request.
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Rendering;

public class MergeFieldEscapingTests
{
    private const string Attack = "<img src=x onerror=alert(1)>";

    [Test]
    public void Render_NameWithMarkup_IsEscapedInHtmlAndPlainInText()
    {
        var rendered = Render("Hi {{ subscriber.name }}, welcome.\n");

        Assert.Multiple(() =>
        {
            Assert.That(rendered.Html, Does.Not.Contain(Attack));
            Assert.That(rendered.Html, Does.Contain("Hi &lt;img src=x onerror=alert(1)&gt;, welcome."));
            Assert.That(rendered.Text, Does.Contain("Hi " + Attack + ", welcome."));
        });
    }

    [Test]
    public void Render_RawFilter_WritesMarkupUnescaped()
    {
        var rendered = Render("Note: {{ '<b>bold</b>' | raw }} and {{ '<i>x</i>' }}\n");

        Assert.Multiple(() =>
        {
            Assert.That(rendered.Html, Does.Contain("Note: <b>bold</b> and &lt;i&gt;x&lt;/i&gt;"));
            Assert.That(rendered.Text, Does.Contain("Note: <b>bold</b> and <i>x</i>"));
        });
    }

    [Test]
    public void Render_ExplicitEscape_IsNotEscapedTwice()
    {
        var rendered = Render("Co: {{ 'A & B' | escape }}\n");

        Assert.That(rendered.Html, Does.Contain("Co: A &amp; B"));
    }

    private static RenderedEmail Render(string body)
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("issues/2026-12-01-escape.md", "---\ntitle: Escaping\n---\n" + body);
        var issue = IssueParser.Load(file);
        var keys = new SigningKeyRing([new byte[32]]);
        var links = new PersonalLinks("https://news.example.com", new LinkToken(keys, new ManualClock(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero))));
        var info = new NewsletterInfo("The Resilient Engineer", "1 Example Street", "https://news.example.com/");
        var templates = new TemplateFolder(IssueRendererGoldenTests.RepositoryTemplatesPath());
        var renderer = IssueRenderer.Prepare(issue, templates, links.Archive(issue.Slug), (html, text) => new EmailModel(issue, 7, html, text, info, links, []));
        return renderer.Render(new Subscriber(42, "ada@example.com", Attack, new Dictionary<string, string>(), SubscriberStatus.Active));
    }
}
