using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Filters;

public class HtmlFiltersTests
{
    [TestCase("{{ '&lt; & &#39; &amp;' | escape_once }}", "&lt; &amp; &#39; &amp;")]
    [TestCase("{{ 'a\nb\r\nc' | newline_to_br }}", "a<br />\nb<br />\nc")]
    [TestCase("{{ '<p>Hi <b>there</b></p><script>x()</script><!-- c --><STYLE>s</STYLE>' | strip_html }}", "Hi theres")]
    [TestCase("{{ 'a < b' | strip_html }}", "a < b")]
    [TestCase("{{ nil | escape }}|{{ 5 | escape }}", "|5")]
    public void Render_HtmlFilter_MatchesShopifyLiquid(string source, string expected)
    {
        Assert.That(Render(source), Is.EqualTo(expected));
    }

    [Test]
    public void Render_Escape_EscapesAllFiveHtmlCharacters()
    {
        Assert.That(Render("{{ x | escape }}", Model(("x", "<a href=\"x\">Tom & Jerry's</a>"))), Is.EqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"));
    }

    [Test]
    public void Render_EscapeAfterOtherFilters_EscapesTheirResult()
    {
        Assert.That(Render("{{ x | append: '&' | escape }}", Model(("x", "<"))), Is.EqualTo("&lt;&amp;"));
    }
}
