// Rewrites admonitions and Mermaid fences in issue Markdown into email-safe HTML blocks, which Markdig has no parser for.
using System.Text;
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// A line-based pass before Markdig, so Markdown written for MkDocs, Docusaurus or markdown-it renders in email:
/// <list type="bullet">
/// <item>admonitions <c>!!! info "Title"</c> (or <c>???</c>) followed by lines indented four spaces, <c>sponsor</c>
/// as the kind marking the sponsored block;</item>
/// <item>a <c>```mermaid</c> fence stays readable code and gains a link to the online version.</item>
/// </list>
/// Admonitions become <see cref="CalloutMarkup"/>, with the content left as Markdown between blank lines so CommonMark
/// renders it (§4.6 type 6). Fenced code is copied untouched. <c>:::</c> containers are Markdig's (see
/// <see cref="CalloutRenderer"/>).
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

    private static void Callout(StringBuilder output, string kind, string? title, List<string> body) =>
        output.Append(CalloutMarkup.Open(kind, title)).Append('\n').Append(Rewrite(string.Join('\n', body)).TrimEnd())
            .Append("\n\n").Append(CalloutMarkup.Close).Append("\n\n");

    private static string Dedent(string line) =>
        line.StartsWith('\t') ? line[1..] : line.StartsWith("    ", StringComparison.Ordinal) ? line[4..] : line.TrimStart();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})(.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?:!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)(?:\s+""([^""]*)"")?\s*$")]
    private static partial Regex Admonition();
}
