// One line of Markdown (the design's footer) as inline HTML or plain text; raw HTML is never passed through.
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Markdig.Renderers.Html;

namespace Newsletter.Rendering;

/// <summary>
/// Converts a short setting written in Markdown (CommonMark inline syntax: emphasis, code, links) to an HTML
/// fragment without the paragraph around it, or to plain text. Raw HTML in the input is shown as text.
/// </summary>
public static class InlineMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    // The fragment is placed after CSS inlining, so its links carry the colour of the text around them themselves.
    private const string LinkStyle = "color: inherit; text-decoration: underline";

    /// <summary>The HTML of <paramref name="markdown"/>: inline elements only, links styled to match the text around them.</summary>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>()) link.GetAttributes().AddProperty("style", LinkStyle);
        foreach (var link in document.Descendants<AutolinkInline>()) link.GetAttributes().AddProperty("style", LinkStyle);
        var html = document.ToHtml(Pipeline).Trim();
        // Paragraph breaks become line breaks: the fragment sits inside the footer's own paragraph.
        return html.Replace("</p>\n<p>", "<br>", StringComparison.Ordinal).Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal);
    }

    /// <summary>The plain text of <paramref name="markdown"/>, with each link's address after its text.</summary>
    public static string ToText(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var text = new System.Text.StringBuilder();
        foreach (var block in document.Descendants<ParagraphBlock>())
        {
            if (text.Length > 0) text.Append('\n');
            if (block.Inline is { } inline) Append(inline, text);
        }
        return text.ToString().Trim();
    }

    private static void Append(ContainerInline container, System.Text.StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: false } link:
                    var before = text.Length;
                    Append(link, text);
                    if (link.Url is { } url && text.ToString(before, text.Length - before) != url) text.Append(" (").Append(url).Append(')');
                    break;
                case ContainerInline inner: Append(inner, text); break;
                case LiteralInline literal: text.Append(literal.Content); break;
                case CodeInline code: text.Append(code.Content); break;
                case AutolinkInline auto: text.Append(auto.Url); break;
                case LineBreakInline: text.Append(' '); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded); break;
            }
        }
    }
}
