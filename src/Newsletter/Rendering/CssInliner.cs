// Moves stylesheet rules into style attributes, the only CSS every email client honours, with PreMailer.Net.
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Newsletter.Rendering;

/// <summary>
/// Inlines a stylesheet into HTML with PreMailer.Net: each element gets the declarations of every matching rule,
/// ordered by specificity and source order, its own <c>style</c> declarations winning over non-important rules and
/// <c>!important</c> over both (CSS Cascade 4 §6.4). Important declarations stay marked <c>!important</c> inline.
/// Rules that cannot be inlined (see <see cref="StylesheetParts"/>) go into a <c>style</c> element in the head.
/// <c>style</c> and <c>link</c> elements of the HTML itself, and its <c>width</c>, <c>height</c> and <c>bgcolor</c>
/// attributes, are left as written. Built once per template set; safe to use
/// from one thread at a time.
/// </summary>
public sealed class CssInliner
{
    // PreMailer would inline the HTML's own style elements and download the sheets its link elements name.
    private const string NotSources = "style, link";
    private static readonly string[] SizeAndColour = ["width", "height", "bgcolor"];

    private readonly StylesheetParts _sheet;
    private readonly HtmlParser _parser = new(new HtmlParserOptions(), BrowsingContext.New(AngleSharp.Configuration.Default.WithCss()));

    /// <summary>Creates an inliner for <paramref name="stylesheet"/> (CSS text).</summary>
    public CssInliner(string stylesheet) => _sheet = StylesheetParts.Split(stylesheet);

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

    // PreMailer works on the document in place; the HTML it returns is not used, so both callers serialise alike.
    private void Apply(IHtmlDocument document)
    {
        if (_sheet.Inlinable.Count == 0) return;
        // PreMailer copies CSS into width, height and bgcolor attributes (width="600" becomes "100%", height "auto"),
        // but Outlook sizes images and tables by those attributes as written, so they are put back.
        var written = document.QuerySelectorAll(string.Join(", ", SizeAndColour.Select(a => $"[{a}]")))
            .SelectMany(e => SizeAndColour.Where(e.HasAttribute).Select(a => (Element: e, Name: a, Value: e.GetAttribute(a)!)))
            .ToList();
        new PreMailer.Net.PreMailer(document).MoveCssInline(ignoreElements: NotSources, css: _sheet.InlineCss);
        foreach (var (element, name, value) in written)
            element.SetAttribute(name, value);
    }
}
