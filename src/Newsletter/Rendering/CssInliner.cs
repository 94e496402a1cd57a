// Moves stylesheet rules into style attributes, the only CSS every email client honours.
using AngleSharp;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Newsletter.Rendering;

/// <summary>
/// Inlines a <see cref="StyleSheet"/> into HTML: each element gets the declarations of every matching rule,
/// ordered by importance, specificity and source order (CSS Cascade 4 §6.4), with its own <c>style</c>
/// declarations winning over non-important rules. Rules that cannot be inlined go into a <c>style</c> element in
/// the head. Built once per template set; safe to use from one thread at a time.
/// </summary>
public sealed class CssInliner
{
    private readonly StyleSheet _sheet;
    private readonly Dictionary<string, (int A, int B, int C)> _specificity = [];
    private readonly HtmlParser _parser = new(new HtmlParserOptions(), BrowsingContext.New(AngleSharp.Configuration.Default.WithCss()));

    /// <summary>Creates an inliner for <paramref name="stylesheet"/> (CSS text).</summary>
    public CssInliner(string stylesheet)
    {
        _sheet = StyleSheet.Parse(stylesheet);
        var cssParser = new CssParser(new CssParserOptions { IsToleratingInvalidSelectors = true });
        foreach (var rule in _sheet.Inlinable)
            _specificity[rule.Selector] = Specificity(cssParser, rule.Selector);
    }

    /// <summary>Inlines into a whole document and adds the kept rules to its head.</summary>
    /// <param name="html">The document.</param>
    /// <param name="comments">Told the text and the enclosing elements of every HTML comment, e.g. to learn where a
    /// placeholder for a partial stands; null when not wanted.</param>
    public string InlineDocument(string html, Action<string, FragmentContext>? comments = null)
    {
        var document = _parser.ParseDocument(html);
        Apply(document);
        if (_sheet.Kept.Length > 0)
        {
            var style = document.CreateElement("style");
            style.TextContent = "\n" + _sheet.Kept;
            document.Head!.AppendChild(style);
        }
        Report(document.DocumentElement, comments);
        return document.ToHtml();
    }

    /// <summary>
    /// Inlines into an HTML fragment; kept rules are not added. Without <paramref name="context"/> the fragment stands
    /// as if directly inside <c>body</c>; with it, inside a copy of those elements, so that descendant and child
    /// selectors match as they will where the fragment is rendered.
    /// </summary>
    /// <param name="html">The fragment.</param>
    /// <param name="context">The elements the fragment will stand in, or null.</param>
    /// <param name="comments">Told the text and the enclosing elements (context included) of every HTML comment in
    /// the fragment; null when not wanted.</param>
    public string InlineFragment(string html, FragmentContext? context = null, Action<string, FragmentContext>? comments = null)
    {
        var document = _parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        var host = Host(document, context);
        host.InnerHtml = html;
        Apply(document);
        Report(host, comments);
        return host.InnerHtml;
    }

    // Elements are created through the DOM, not parsed, so that a chain such as table > tbody > tr > td is kept
    // exactly (the parser would move or drop table parts that stand alone).
    private static IElement Host(IDocument document, FragmentContext? context)
    {
        IElement host = document.Body!;
        foreach (var element in context?.Elements ?? [])
        {
            var copy = element.Name switch
            {
                "html" => document.DocumentElement,
                "body" => document.Body!,
                "head" => document.Head!,
                _ => host.AppendChild(document.CreateElement(element.Name)) as IElement ?? host,
            };
            foreach (var (name, value) in element.Attributes)
            {
                try
                {
                    copy.SetAttribute(name, value);
                }
                catch (DomException)
                {
                    // A namespaced attribute such as xmlns:o cannot be set by name; no selector of a mail design needs it.
                }
            }
            host = copy;
        }
        return host;
    }

    private static void Report(IElement? root, Action<string, FragmentContext>? comments)
    {
        if (comments is null || root is null) return;
        foreach (var comment in root.Descendants<IComment>())
            comments(comment.Data, FragmentContext.Of(comment.Parent!));
    }

    private void Apply(IDocument document)
    {
        var collected = new Dictionary<IElement, List<(bool Important, (int, int, int) Specificity, int Order, StyleDeclaration Declaration)>>();
        foreach (var rule in _sheet.Inlinable)
        {
            IHtmlCollection<IElement> matches;
            try
            {
                matches = document.QuerySelectorAll(rule.Selector);
            }
            catch (DomException)
            {
                continue; // A selector the engine cannot evaluate stays out of the mail rather than breaking it.
            }
            foreach (var element in matches)
            {
                if (!collected.TryGetValue(element, out var list)) collected[element] = list = [];
                foreach (var declaration in rule.Declarations)
                    list.Add((declaration.Important, _specificity[rule.Selector], rule.Order, declaration));
            }
        }
        foreach (var (element, declarations) in collected)
            element.SetAttribute("style", Merge(declarations, element.GetAttribute("style")));
    }

    private static string Merge(List<(bool Important, (int, int, int) Specificity, int Order, StyleDeclaration Declaration)> fromSheet, string? own)
    {
        var winners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in fromSheet.Where(d => !d.Important).OrderBy(d => d.Specificity).ThenBy(d => d.Order))
            winners[item.Declaration.Name] = item.Declaration.Value;
        if (own is not null)
            foreach (var d in StyleSheet.Declarations(own))
                winners[d.Name] = d.Important ? d.Value + " !important" : d.Value;
        foreach (var item in fromSheet.Where(d => d.Important).OrderBy(d => d.Specificity).ThenBy(d => d.Order))
            winners[item.Declaration.Name] = item.Declaration.Value;
        return string.Join("; ", winners.Select(kv => $"{kv.Key}: {kv.Value}"));
    }

    private static (int, int, int) Specificity(CssParser parser, string selector)
    {
        var rule = parser.ParseStyleSheet(selector + " {}").Rules.OfType<ICssStyleRule>().FirstOrDefault();
        var priority = rule?.Selector?.Specificity;
        return priority is { } p ? (p.Ids, p.Classes, p.Tags) : (0, 0, 0);
    }
}
