using Newsletter.Rendering;

namespace Newsletter.Tests.Rendering;

public class CssInlinerTests
{
    [Test]
    public void InlineDocument_AppliesCascadeAndKeepsMediaQueries()
    {
        var inliner = new CssInliner("""
            p { color: #111; margin: 0 0 16px; }
            .lead { color: #222; }
            #intro { font-weight: bold; }
            a:hover { color: red; }
            @media (max-width: 600px) { .lead { font-size: 18px !important; } }
            """);
        var html = inliner.InlineDocument("<html><head></head><body><p id=\"intro\" class=\"lead\" style=\"margin: 0\">Hi</p></body></html>");
        Assert.That(html, Does.Contain("style=\"color: #222;font-weight: bold;margin: 0\""), "PreMailer's formatting: own declarations last");
        Assert.That(html, Does.Contain("@media (max-width: 600px)"));
        Assert.That(html, Does.Contain("a:hover {"));
    }

    [Test]
    public void InlineDocument_ImportantBeatsInlineStyle()
    {
        var inliner = new CssInliner("td { color: #333 !important; }");
        var html = inliner.InlineDocument("<table><tr><td style=\"color: #000\">x</td></tr></table>");
        Assert.That(html, Does.Contain("style=\"color: #333 !important\""), "an important rule stays important inline");
    }

    [Test]
    public void InlineDocument_KeepsColoursAsWritten()
    {
        var html = new CssInliner(".a { color: #fff; padding: 4px 8px; }").InlineDocument("<div class=\"a\">x</div>");
        Assert.That(html, Does.Contain("color: #fff;padding: 4px 8px"), "Outlook needs hex colours and shorthands kept");
    }

    [Test]
    public void InlineDocument_CommentNamingMedia_KeepsOnlyTheMediaRules()
    {
        var inliner = new CssInliner("""
            /* Rules are inlined; @media rules stay in <style>. */
            body { margin: 0; }
            @media (prefers-color-scheme: dark) { body { background-color: #0d1117 !important; } }
            """);
        var html = inliner.InlineDocument("<html><head></head><body>x</body></html>");
        Assert.That(html, Does.Contain("<body style=\"margin: 0\">"));
        Assert.That(html, Does.Contain("<style>\n@media (prefers-color-scheme: dark) { body { background-color: #0d1117 !important; } }\n</style>"));
    }

    [Test]
    public void InlineDocument_StateAndDocumentSelectors_StayInTheStyleElement()
    {
        var inliner = new CssInliner(":root { color-scheme: light dark; } a { color: #0969da; } a:visited, p::first-line { color: #8250df; }");
        var html = inliner.InlineDocument("<html><head></head><body><p><a href=\"https://example.com\">x</a></p></body></html>");
        Assert.That(html, Does.Contain("<html><head><style>"), ":root lands on no element");
        Assert.That(html, Does.Contain(":root { color-scheme: light dark; }"));
        Assert.That(html, Does.Contain("a:visited { color: #8250df; }"));
        Assert.That(html, Does.Contain("p::first-line { color: #8250df; }"));
        Assert.That(html, Does.Contain("<a href=\"https://example.com\" style=\"color: #0969da\">"));
        Assert.That(html, Does.Contain("<p>"));
    }

    [Test]
    public void InlineDocument_SizeAndColourAttributes_StayAsWritten()
    {
        var inliner = new CssInliner("img { height: auto; width: 100%; } td { background-color: #ffffff; }");
        var html = inliner.InlineDocument("<table><tr><td bgcolor=\"#f6f8fa\"><img src=\"a.png\" width=\"600\" height=\"300\"></td></tr></table>");
        Assert.That(html, Does.Contain("<img src=\"a.png\" width=\"600\" height=\"300\" style=\"height: auto;width: 100%\">"), "Outlook sizes images by their attributes");
        Assert.That(html, Does.Contain("<td bgcolor=\"#f6f8fa\" style=\"background-color: #ffffff\">"));
    }

    [Test]
    public void LiquidShield_SurvivesInliningInTablesAttributesAndTags()
    {
        const string template = """
            <table class="t">{% for item in items %}<tr><td><a href="{{ item.url }}" {% if item.new %}data-new="1"{% endif %}>{{ item.title }}</a></td></tr>{% endfor %}</table>
            """;
        var shield = LiquidShield.ForHtml(template);
        var inlined = shield.Restore(new CssInliner(".t { width: 100%; }").InlineFragment(shield.Text));
        Assert.That(inlined, Does.Contain("{% for item in items %}<tbody><tr>").Or.Contain("{% for item in items %}<tr>"));
        Assert.That(inlined, Does.Contain("href=\"{{ item.url }}\""));
        Assert.That(inlined, Does.Contain("{% if item.new %}"));
        Assert.That(inlined, Does.Contain("{% endfor %}"));
        Assert.That(inlined, Does.Contain("style=\"width: 100%\""));
    }

    [Test]
    public void InlineFragment_WithContext_DescendantSelectorsReachIntoTheFragment()
    {
        var inliner = new CssInliner(".footer a { color: #57606a; } .footer > p { margin: 0; } .content a { color: #0969da; }");
        var layout = "<table><tr><td class=\"footer\"><!--partial--></td></tr></table>";
        FragmentContext? context = null;
        inliner.InlineDocument(layout, (comment, where) => { if (comment == "partial") context = where; });
        Assert.That(context, Is.Not.Null);

        var footer = inliner.InlineFragment("<p><a href=\"https://example.com/u\">Unsubscribe</a></p>", context);

        Assert.That(footer, Is.EqualTo("<p style=\"margin: 0\"><a href=\"https://example.com/u\" style=\"color: #57606a\">Unsubscribe</a></p>"));
        Assert.That(inliner.InlineFragment("<p><a href=\"https://example.com/u\">x</a></p>"), Does.Not.Contain("style"), "without a context nothing matches");
    }

    [Test]
    public void FragmentContext_RenderedInTwoPlaces_KeepsOnlyWhatBothShare()
    {
        var inliner = new CssInliner("");
        var contexts = new List<FragmentContext>();
        inliner.InlineDocument("<div class=\"a\"><div class=\"b\"><!--x--></div><div class=\"c\"><!--x--></div></div>", (_, where) => contexts.Add(where));
        var shared = contexts[0].CommonWith(contexts[1]);
        Assert.That(shared.Elements.Select(e => e.Name + string.Concat(e.Attributes.Select(a => "." + a.Value))), Is.EqualTo(new[] { "html", "body", "div.a" }));
    }
}
