// Every rule of the default design's stylesheet reaches the elements it styles, as style attributes.
using AngleSharp;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Configuration;
using Newsletter.Rendering;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Rendering;

// Mail clients drop <style> or ignore its selectors, so what templates/default.css says outside @media must arrive
// inline. The expected value of each property is worked out here from the finished email, independently of how the
// inliner got there (body, layout and partials are inlined separately).
public class StylesheetCoverageTests
{
    private static readonly CssParser Parser = new(new CssParserOptions { IsToleratingInvalidSelectors = true });

    [Test]
    public void Render_EveryRuleOutsideMedia_MatchedElementsCarryItsDeclarationsInline()
    {
        // The stylesheet is Liquid over the newsletter's design; its rules are what it renders to.
        var css = File.ReadAllText(Path.Combine(IssueRendererGoldenTests.RepositoryTemplatesPath(), "default.css"));
        var sheet = StylesheetParts.Split(StylesheetTemplate.Render(css, "default.css", Model(IssueParser.Load(EveryBlockFile), "", "")));
        var (email, archive) = RenderEveryBlock();
        var documents = new[] { ("email", Parse(email)), ("archive page", Parse(archive)) };
        var unmatched = new List<string>();
        var missing = new List<string>();
        foreach (var rule in sheet.Inlinable)
        {
            var matchedAnywhere = false;
            foreach (var (name, document) in documents)
            {
                foreach (var element in document.QuerySelectorAll(rule.Name))
                {
                    matchedAnywhere = true;
                    var inline = new PreMailer.Net.CssParser().ParseStyleClass("", element.GetAttribute("style") ?? "").Attributes.ToDictionary(d => d.Style, d => d.Value);
                    foreach (var declaration in rule.Attributes)
                    {
                        // PreMailer writes double quotes as single ones, so that a style attribute needs no &quot;.
                        var expected = Winner(sheet, element, declaration.Style).Replace('"', '\'');
                        if (!inline.TryGetValue(declaration.Style, out var actual) || actual != expected)
                            missing.Add($"{name}: {rule.Name} {{ {declaration.Style}: {expected} }} not on <{element.LocalName} class=\"{element.ClassName}\">" +
                                $" (style=\"{element.GetAttribute("style")}\")");
                    }
                }
            }
            if (!matchedAnywhere) unmatched.Add(rule.Name);
        }
        Assert.Multiple(() =>
        {
            Assert.That(unmatched, Is.Empty, "rules the fixture does not exercise; extend Rendering/Design/every-block.md");
            Assert.That(missing, Is.Empty);
        });
    }

    [Test]
    public void Render_FooterLinks_CarryTheFooterLinkStyle()
    {
        var (email, _) = RenderEveryBlock();
        var links = Parse(email).QuerySelectorAll(".footer a");
        Assert.That(links.Select(a => a.TextContent), Does.Contain("Unsubscribe").And.Contain("Past issues"));
        foreach (var link in links)
            Assert.That(link.GetAttribute("style"), Does.Contain("color: #57606a"), link.OuterHtml);
    }

    // The value the cascade gives the property: the matching rule with the highest specificity, then the latest.
    private static string Winner(StylesheetParts sheet, IElement element, string property) =>
        sheet.Inlinable
            .Where(r => element.Matches(r.Name))
            .SelectMany(r => r.Attributes.Where(d => d.Style == property).Select(d => (Rule: r, Declaration: d)))
            .OrderBy(x => x.Declaration.Important).ThenBy(x => Specificity(x.Rule.Name)).ThenBy(x => x.Rule.Position)
            .Last().Declaration.Value;

    private static (int, int, int) Specificity(string selector)
    {
        var priority = Parser.ParseStyleSheet(selector + " {}").Rules.OfType<ICssStyleRule>().Single().Selector.Specificity;
        return (priority.Ids, priority.Classes, priority.Tags);
    }

    private static IDocument Parse(string html) =>
        new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(AngleSharp.Configuration.Default.WithCss())).ParseDocument(html);

    private static string EveryBlockFile => Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "Design", "every-block.md");

    // The email has a logo in its header and the archive page the name, so both header rules are exercised.
    private static EmailModel Model(Issue issue, string html, string text, bool logo = false)
    {
        var keys = new SigningKeyRing([new byte[32]]);
        var links = new PersonalLinks("https://news.example.com", new LinkToken(keys, new ManualClock(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero))));
        var design = DesignInfo.From(new DesignSettings { Logo = logo ? "https://news.example.com/logo.png" : null }, "https://news.example.com");
        var info = new NewsletterInfo("The Resilient Engineer", "1 Example Street, Berlin", "https://news.example.com/", Design: design);
        return new EmailModel(issue, 7, html, text, info, links, []);
    }

    internal static (string Email, string Archive) RenderEveryBlock()
    {
        var issue = IssueParser.Load(EveryBlockFile);
        var templates = new TemplateFolder(IssueRendererGoldenTests.RepositoryTemplatesPath());
        var renderer = IssueRenderer.Prepare(issue, templates, "https://news.example.com/issues/" + issue.Slug, (html, text) => Model(issue, html, text, logo: true));
        var email = renderer.Render(new Subscriber(42, "ada@example.com", "Ada Lovelace", new Dictionary<string, string>(), SubscriberStatus.Active));
        return (email.Html, IssueRenderer.Prepare(issue, templates, "https://news.example.com/issues/" + issue.Slug, (html, text) => Model(issue, html, text)).RenderForArchive());
    }
}
