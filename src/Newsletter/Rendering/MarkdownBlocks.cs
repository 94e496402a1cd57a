// Rewrites callouts, sponsor blocks and Mermaid fences in issue Markdown into email-safe HTML blocks.
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// A line-based pass before Markdig, so Markdown written for MkDocs, Docusaurus or markdown-it renders in email:
/// <list type="bullet">
/// <item>admonitions <c>!!! info "Title"</c> (or <c>???</c>) followed by lines indented four spaces;</item>
/// <item>containers <c>::: note Title</c> … <c>:::</c> (also <c>:::note</c>);</item>
/// <item><c>sponsor</c> as either kind marks the sponsored block;</item>
/// <item>a <c>```mermaid</c> fence stays readable code and gains a link to the online version.</item>
/// </list>
/// Callouts become a one-cell <c>role="presentation"</c> table (Outlook ignores padding and borders on
/// <c>div</c>), with the content left as Markdown between blank lines so CommonMark renders it (§4.6 type 6).
/// Fenced code is copied untouched.
/// </summary>
public static partial class MarkdownBlocks
{
    /// <summary>Rewrites <paramref name="markdown"/>; text outside the recognised blocks is unchanged.</summary>
    public static string Rewrite(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var output = new StringBuilder(markdown.Length + 256);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Fence().Match(line) is { Success: true } fence)
            {
                i = CopyFence(lines, i, fence, output);
                continue;
            }
            if (Admonition().Match(line) is { Success: true } admonition)
            {
                var body = new List<string>();
                while (i + 1 < lines.Length && (lines[i + 1].StartsWith("    ", StringComparison.Ordinal) || lines[i + 1].StartsWith('\t') ||
                       (lines[i + 1].Trim().Length == 0 && i + 2 < lines.Length && (lines[i + 2].StartsWith("    ", StringComparison.Ordinal) || lines[i + 2].StartsWith('\t')))))
                    body.Add(Dedent(lines[++i]));
                Callout(output, admonition.Groups[1].Value, admonition.Groups[2].Success ? admonition.Groups[2].Value : null, body);
                continue;
            }
            if (ContainerOpen().Match(line) is { Success: true } container)
            {
                var body = new List<string>();
                var depth = 1;
                while (i + 1 < lines.Length)
                {
                    var next = lines[++i];
                    if (ContainerOpen().IsMatch(next)) depth++;
                    else if (next.Trim() == ":::" && --depth == 0) break;
                    body.Add(next);
                }
                var title = container.Groups[2].Value.Trim();
                Callout(output, container.Groups[1].Value, title.Length > 0 ? title : null, body);
                continue;
            }
            output.Append(line).Append('\n');
        }
        return output.ToString();
    }

    private static int CopyFence(string[] lines, int start, Match fence, StringBuilder output)
    {
        var marker = fence.Groups[1].Value;
        var isMermaid = fence.Groups[2].Value.Trim().Equals("mermaid", StringComparison.OrdinalIgnoreCase);
        output.Append(lines[start]).Append('\n');
        var i = start + 1;
        for (; i < lines.Length; i++)
        {
            output.Append(lines[i]).Append('\n');
            var closing = lines[i].Trim();
            if (closing.Length >= marker.Length && closing.All(c => c == marker[0])) break;
        }
        if (isMermaid)
            // Email clients run no scripts, so the diagram is drawn only on the web page.
            output.Append("\n<p class=\"diagram-link\">{% unless archive %}<a href=\"{{ issue.url }}\">See this diagram drawn in the online version</a>{% endunless %}</p>\n\n");
        return Math.Min(i, lines.Length - 1);
    }

    private static void Callout(StringBuilder output, string kind, string? title, List<string> body)
    {
        kind = kind.ToLowerInvariant();
        title ??= kind == "sponsor" ? "Sponsored" : char.ToUpperInvariant(kind[0]) + kind[1..];
        output.Append($"<table role=\"presentation\" class=\"callout callout-{kind}\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td class=\"callout-body\">\n");
        if (title.Length > 0) output.Append($"<p class=\"callout-title\">{WebUtility.HtmlEncode(title)}</p>\n");
        output.Append('\n').Append(Rewrite(string.Join('\n', body)).TrimEnd()).Append("\n\n</td></tr></table>\n\n");
    }

    private static string Dedent(string line) =>
        line.StartsWith('\t') ? line[1..] : line.StartsWith("    ", StringComparison.Ordinal) ? line[4..] : line.TrimStart();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})(.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?:!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)(?:\s+""([^""]*)"")?\s*$")]
    private static partial Regex Admonition();

    [GeneratedRegex(@"^:::\s*([A-Za-z][\w-]*)(.*)$")]
    private static partial Regex ContainerOpen();
}
