// Markdown to HTML with one Markdig pipeline, built once; Liquid in the body is carried through untouched.
using Markdig;
using Markdig.Extensions.Diagrams;

namespace Newsletter.Rendering;

/// <summary>
/// Converts an issue body to HTML with Markdig (CommonMark plus the advanced extensions: tables, footnotes,
/// task lists, auto-links, emphasis extras, and emoji shortcodes; raw HTML is kept), after
/// <see cref="MarkdownBlocks"/> has turned admonitions and Mermaid fences into email-safe HTML; <c>:::</c> containers
/// are parsed by Markdig and written as callouts by <see cref="CalloutRenderer"/>.
/// Liquid tags and outputs in the body (<c>{{ subscriber.first_name }}</c>) are shielded from Markdown so they
/// survive intact. Relative links and images are made absolute when a base URL is given.
/// </summary>
public static class MarkdownConverter
{
    private static readonly MarkdownPipeline Pipeline = Build();

    /// <summary>Converts <paramref name="markdown"/> to an HTML fragment whose Liquid markup is restored verbatim.</summary>
    /// <param name="markdown">The issue body.</param>
    /// <param name="baseUrl">Absolute URL relative links resolve against (the archive page), or null to keep them.</param>
    public static string ToHtml(string markdown, string? baseUrl = null)
    {
        var shield = LiquidShield.ForText(MarkdownBlocks.Rewrite(markdown));
        var html = shield.Restore(Markdown.ToHtml(shield.Text, Pipeline));
        return baseUrl is null ? html : LinkResolver.Resolve(html, baseUrl);
    }

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseAdvancedExtensions()
            .UseEmojiAndSmiley(enableSmileys: false);
        // Mermaid stays a code block: no email client runs the script that would draw it.
        builder.Extensions.RemoveAll(e => e is DiagramExtension);
        builder.Extensions.Add(new CalloutExtension());
        return builder.Build();
    }
}
