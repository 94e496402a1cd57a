// Callouts, sponsor blocks, Mermaid fences and relative links in Markdown written for other tools.
using Newsletter.Rendering;

namespace Newsletter.Tests.Rendering;

public class MarkdownBlocksTests
{
    [Test]
    public void ToHtml_Admonition_BecomesPresentationTableWithTitleAndMarkdownBody()
    {
        var html = MarkdownConverter.ToHtml("!!! info \"Learning from the Best\"\n    These **companies** changed things.\n\n    Second paragraph.\n\nAfter.");
        Assert.That(html, Does.Contain("<table role=\"presentation\" class=\"callout callout-info\""));
        Assert.That(html, Does.Contain("<p class=\"callout-title\">Learning from the Best</p>"));
        Assert.That(html, Does.Contain("<p>These <strong>companies</strong> changed things.</p>"));
        Assert.That(html, Does.Contain("<p>Second paragraph.</p>"));
        Assert.That(html.IndexOf("</table>", StringComparison.Ordinal), Is.LessThan(html.IndexOf("<p>After.</p>", StringComparison.Ordinal)));
    }

    [Test]
    public void ToHtml_NoteContainer_BecomesCalloutWithDefaultTitle()
    {
        var html = MarkdownConverter.ToHtml("::: note\nKeep *this* short.\n:::\n");
        Assert.That(html, Does.Contain("class=\"callout callout-note\""));
        Assert.That(html, Does.Contain("<p class=\"callout-title\">Note</p>"));
        Assert.That(html, Does.Contain("<p>Keep <em>this</em> short.</p>"));
    }

    [Test]
    public void ToHtml_SponsorContainer_IsMarkedSponsored()
    {
        var html = MarkdownConverter.ToHtml("::: sponsor\n**Runbooks.** [Try it](https://example.com/s)\n:::\n");
        Assert.That(html, Does.Contain("class=\"callout callout-sponsor\""));
        Assert.That(html, Does.Contain(">Sponsored</p>"));
        Assert.That(html, Does.Contain("<a href=\"https://example.com/s\">Try it</a>"));
    }

    [Test]
    public void ToHtml_NestedContainers_OuterFenceLonger_NestAsCallouts()
    {
        var html = MarkdownConverter.ToHtml(":::: note Outer\nOuter text.\n\n:::tip\nInner text.\n:::\n\nAfter inner.\n::::\nAfter all.\n");
        Assert.That(html, Is.EqualTo("""
            <table role="presentation" class="callout callout-note" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="callout-body">
            <p class="callout-title">Outer</p>
            <p>Outer text.</p>
            <table role="presentation" class="callout callout-tip" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="callout-body">
            <p class="callout-title">Tip</p>
            <p>Inner text.</p>
            </td></tr></table>
            <p>After inner.</p>
            </td></tr></table>
            <p>After all.</p>

            """));
    }

    [Test]
    public void ToHtml_ContainerTitle_IsTextAndBlocksInsideStartOnTheirOwnLine()
    {
        var html = MarkdownConverter.ToHtml("::: tip Use <b> & \"x\"\n- a\n:::\n");
        Assert.That(html, Does.StartWith("<table role=\"presentation\" class=\"callout callout-tip\""));
        Assert.That(html, Does.Contain("<p class=\"callout-title\">Use &lt;b&gt; &amp; &quot;x&quot;</p>\n<ul>"));
    }

    [Test]
    public void ToHtml_ContainerInListItem_BecomesCallout()
    {
        var html = MarkdownConverter.ToHtml("- item\n\n  ::: note\n  in list\n  :::\n");
        Assert.That(html, Does.Contain("<li><p>item</p>\n<table role=\"presentation\" class=\"callout callout-note\""));
    }

    [Test]
    public void ToHtml_CalloutMarkersInsideCodeFence_AreLeftAlone()
    {
        var html = MarkdownConverter.ToHtml("```\n::: note\n!!! info \"x\"\n```\n");
        Assert.That(html, Does.Not.Contain("callout"));
        Assert.That(html, Does.Contain("::: note"));
    }

    [Test]
    public void ToHtml_MermaidFence_StaysCodeAndLinksToTheOnlineVersion()
    {
        var html = MarkdownConverter.ToHtml("```mermaid\ngraph TD\n  A-->B\n```\n");
        Assert.That(html, Does.Contain("<pre><code class=\"language-mermaid\">graph TD"));
        Assert.That(html, Does.Contain("A--&gt;B"));
        Assert.That(html, Does.Contain("<a href=\"{{ issue.url }}\">See this diagram drawn in the online version</a>"));
        Assert.That(html, Does.Not.Contain("<div class=\"mermaid\">"));
    }

    [Test]
    public void ToHtml_RelativeLinksAndImages_ResolveAgainstTheArchivePage()
    {
        var html = MarkdownConverter.ToHtml("[next](../next.md) ![chart](img/chart.png) <a href='notes.html'>n</a> [top](#top) [abs](https://x.example/) [mail](mailto:a@b.c)",
            "https://news.example.com/issues/2026-11-20-x");
        Assert.That(html, Does.Contain("href=\"https://news.example.com/next.md\""));
        Assert.That(html, Does.Contain("src=\"https://news.example.com/issues/2026-11-20-x/img/chart.png\""));
        Assert.That(html, Does.Contain("href='https://news.example.com/issues/notes.html'"));
        Assert.That(html, Does.Contain("href=\"#top\""));
        Assert.That(html, Does.Contain("href=\"https://x.example/\""));
        Assert.That(html, Does.Contain("href=\"mailto:a@b.c\""));
    }

    [Test]
    public void ToHtml_ProtocolRelativeImage_TakesTheArchiveScheme()
    {
        var html = MarkdownConverter.ToHtml("![logo](//cdn.example.com/logo.png)", "https://news.example.com/issues/x");
        Assert.That(html, Does.Contain("src=\"https://cdn.example.com/logo.png\""));
    }

    [Test]
    public void ToHtml_LiquidLink_IsNotTakenForRelative()
    {
        var html = MarkdownConverter.ToHtml("[me]({{ issue.url }})", "https://news.example.com/issues/x");
        Assert.That(html, Does.Contain("href=\"{{ issue.url }}\""));
    }

    [Test]
    public void ToHtml_EmojiFootnotesAndNonLatinScripts_ComeThrough()
    {
        var html = MarkdownConverter.ToHtml("Ship it :rocket: — 日本語 и кириллица عربى[^1]\n\n[^1]: A footnote.\n");
        Assert.That(html, Does.Contain("🚀"));
        Assert.That(html, Does.Contain("日本語 и кириллица عربى"));
        Assert.That(html, Does.Contain("class=\"footnotes\""));
    }
}
