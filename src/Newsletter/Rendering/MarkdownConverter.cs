// Markdown to HTML with one Markdig pipeline, built once; Liquid in the body is carried through untouched.
using Markdig;

namespace Newsletter.Rendering;

/// <summary>
/// Converts an issue body to HTML with Markdig (CommonMark plus the advanced extensions: tables, footnotes,
/// task lists, auto-links, emphasis extras, and emoji shortcodes; raw HTML is kept). Liquid tags and outputs in
/// the body (<c>{{ subscriber.first_name }}</c>) are shielded from Markdown so they survive intact.
/// </summary>
public static class MarkdownConverter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseEmojiAndSmiley(enableSmileys: false)
        .Build();

    /// <summary>Converts <paramref name="markdown"/> to an HTML fragment whose Liquid markup is restored verbatim.</summary>
    public static string ToHtml(string markdown)
    {
        var shield = LiquidShield.ForText(markdown);
        return shield.Restore(Markdown.ToHtml(shield.Text, Pipeline));
    }
}
