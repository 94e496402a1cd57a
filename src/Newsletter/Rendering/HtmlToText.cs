// Turns the issue body's HTML into a plain-text part that reads well on its own.
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Newsletter.Rendering;

/// <summary>
/// Plain text from HTML for the <c>text/plain</c> part: headings underlined (<c>=</c> for h1, <c>-</c> for h2) or
/// marked with <c>#</c>, lists kept with <c>-</c> or numbers, quotes prefixed <c>&gt; </c>, code indented, links as
/// numbered references (<c>[1]</c>) listed at the end, lines wrapped at <see cref="Width"/> columns.
/// </summary>
public static class HtmlToText
{
    /// <summary>Wrap column (RFC 5322 §2.1.1 recommends at most 78 characters per line).</summary>
    public const int Width = 78;

    private static readonly HtmlParser Parser = new();

    // Stands for <br> until white space is collapsed (U+2028 LINE SEPARATOR never occurs in our markup).
    private const char LineBreak = '\u2028';

    /// <summary>Converts an HTML fragment or document.</summary>
    public static string Convert(string html)
    {
        var document = Parser.ParseDocument(html);
        var writer = new TextBlockWriter();
        foreach (var node in (document.Body ?? document.DocumentElement).ChildNodes)
            Block(node, writer, "");
        writer.AppendLinks();
        return writer.ToString();
    }

    private static void Block(INode node, TextBlockWriter writer, string indent)
    {
        if (node is not IElement element)
        {
            if (node.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(node.TextContent))
                writer.Paragraph(indent, Inline(node, writer));
            return;
        }
        switch (element.LocalName)
        {
            case "h1" or "h2":
                var heading = Inline(element, writer);
                writer.Paragraph(indent, heading + "\n" + new string(element.LocalName == "h1" ? '=' : '-', Math.Min(Width, heading.Length)), wrap: false);
                break;
            case "h3" or "h4" or "h5" or "h6":
                writer.Paragraph(indent, new string('#', element.LocalName[1] - '0') + " " + Inline(element, writer));
                break;
            case "ul" or "ol":
                List(element, writer, indent);
                break;
            case "pre":
                writer.Paragraph(indent, string.Join('\n', element.TextContent.TrimEnd('\n').Split('\n').Select(l => "    " + l)), wrap: false);
                break;
            case "blockquote":
                var inner = new TextBlockWriter(writer);
                foreach (var child in element.ChildNodes) Block(child, inner, "");
                writer.Paragraph(indent, string.Join('\n', inner.ToString().TrimEnd().Split('\n').Select(l => ("> " + l).TrimEnd())), wrap: false);
                break;
            case "hr":
                writer.Paragraph(indent, new string('-', 20), wrap: false);
                break;
            case "table" when element.GetAttribute("role") == "presentation":
                // Layout tables (callouts, sponsor blocks) hold paragraphs, not data.
                foreach (var child in element.ChildNodes) Block(child, writer, indent);
                break;
            case "table":
                foreach (var row in element.QuerySelectorAll("tr"))
                    writer.Line(indent, string.Join(" | ", row.Children.Select(c => Inline(c, writer))));
                writer.EndBlock();
                break;
            case "style" or "script" or "head" or "title":
                break;
            case "div" or "section" or "article" or "header" or "footer" or "main" or "aside" or "figure" or "details" or "tbody" or "thead" or "tr" or "td" or "th" or "center" or "dl":
                foreach (var child in element.ChildNodes) Block(child, writer, indent);
                break;
            default:
                var text = Inline(element, writer);
                if (text.Length > 0) writer.Paragraph(indent, text);
                break;
        }
    }

    private static void List(IElement list, TextBlockWriter writer, string indent)
    {
        var number = list.LocalName == "ol" && int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = list.LocalName == "ol" ? $"{number++}. " : "- ";
            var nested = item.Children.Where(c => c.LocalName is "ul" or "ol").ToList();
            var builder = new StringBuilder();
            foreach (var child in item.ChildNodes.Where(n => n is not IElement e || !nested.Contains(e)))
            {
                if (child is IElement { LocalName: "p" }) builder.Append(' ');
                InlineInto(child, writer, builder);
            }
            var text = Collapse(builder.ToString());
            writer.Item(indent, marker, text);
            foreach (var sub in nested) List(sub, writer, indent + "  ");
        }
        if (indent.Length == 0) writer.EndBlock();
    }

    private static string Inline(INode node, TextBlockWriter writer)
    {
        var builder = new StringBuilder();
        InlineInto(node, writer, builder);
        return Collapse(builder.ToString());
    }

    private static void InlineInto(INode node, TextBlockWriter writer, StringBuilder builder)
    {
        switch (node)
        {
            case IText text:
                builder.Append(text.Data.Replace('\n', ' '));
                return;
            case IElement { LocalName: "br" }:
                builder.Append(LineBreak);
                return;
            case IElement { LocalName: "img" } image:
                var alt = image.GetAttribute("alt");
                if (!string.IsNullOrWhiteSpace(alt)) builder.Append('[').Append(alt.Trim()).Append(']');
                return;
            case IElement { LocalName: "style" or "script" }:
                return;
            case IElement { LocalName: "a" } back when back.ClassList.Contains("footnote-back-ref"):
                return; // "↩" means nothing without the page to jump back to.
            case IElement { LocalName: "a" } reference when reference.ClassList.Contains("footnote-ref"):
                // "^1" is the whole reference in text; the note is at the end of the same part.
                foreach (var child in reference.ChildNodes) InlineInto(child, writer, builder);
                return;
            case IElement { LocalName: "sup" } sup:
                builder.Append('^');
                foreach (var child in sup.ChildNodes) InlineInto(child, writer, builder);
                return;
            case IElement { LocalName: "a" } anchor:
                foreach (var child in anchor.ChildNodes) InlineInto(child, writer, builder);
                var href = anchor.GetAttribute("href");
                if (!string.IsNullOrWhiteSpace(href) && !href.StartsWith('#'))
                {
                    var label = anchor.TextContent.Trim();
                    builder.Append(label == href ? "" : $" [{writer.Link(href)}]");
                }
                return;
            case IElement { LocalName: "code" } code when code.ParentElement?.LocalName != "pre":
                builder.Append('`').Append(code.TextContent).Append('`');
                return;
        }
        foreach (var child in node.ChildNodes) InlineInto(child, writer, builder);
    }

    // HTML collapses runs of white space, newlines included; only <br> breaks a line.
    private static string Collapse(string text) =>
        string.Join('\n', text.Split(LineBreak).Select(line => string.Join(' ', line.Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)))).Trim();
}
