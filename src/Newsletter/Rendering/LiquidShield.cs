// Swaps Liquid markup for inert placeholders so Markdown and HTML tools cannot alter it, then swaps it back.
using System.Text;
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// Replaces each Liquid span (<c>{{ … }}</c>, <c>{% … %}</c>, and whole <c>raw</c>/<c>comment</c> blocks) with a
/// placeholder that the next tool keeps in place, and restores the original markup afterwards.
/// For HTML the placeholder depends on where the span stands: an HTML comment between nodes (kept even inside
/// tables, where text would be moved), a word inside attribute values, a bare attribute inside a tag.
/// </summary>
public sealed partial class LiquidShield
{
    private readonly List<string> _spans = [];

    private LiquidShield(string text) => Text = text;

    /// <summary>The shielded text.</summary>
    public string Text { get; private set; }

    /// <summary>Shields Liquid in Markdown or plain text with word placeholders (<c>LIQ0PH7Q</c>).</summary>
    public static LiquidShield ForText(string source)
    {
        var shield = new LiquidShield(source);
        shield.Text = LiquidSpan().Replace(source, m => shield.Word(m.Value));
        return shield;
    }

    /// <summary>Shields Liquid in an HTML template with placeholders that survive an HTML parse and serialisation.</summary>
    public static LiquidShield ForHtml(string source)
    {
        var shield = new LiquidShield(source);
        var output = new StringBuilder(source.Length);
        var context = new HtmlContextTracker();
        var last = 0;
        foreach (Match match in LiquidSpan().Matches(source))
        {
            context.Advance(source, last, match.Index);
            output.Append(source, last, match.Index - last);
            output.Append(context.State switch
            {
                HtmlContext.AttributeValue or HtmlContext.EscapableText => shield.Word(match.Value),
                HtmlContext.Tag => " data-lq-" + shield.Add(match.Value) + " ",
                _ => "<!--lq:" + shield.Add(match.Value) + "-->",
            });
            last = match.Index + match.Length;
        }
        output.Append(source, last, source.Length - last);
        shield.Text = output.ToString();
        return shield;
    }

    /// <summary>Puts the original Liquid back into <paramref name="processed"/>.</summary>
    public string Restore(string processed) => Placeholder().Replace(processed, m =>
    {
        var group = m.Groups[1].Success ? m.Groups[1] : m.Groups[2].Success ? m.Groups[2] : m.Groups[3];
        return _spans[int.Parse(group.ValueSpan)];
    });

    /// <summary>
    /// The Liquid markup an HTML comment placeholder stands for (<c>lq:7</c>, the comment's text), or null when the
    /// comment is not one of this shield's.
    /// </summary>
    public string? SpanOfComment(string commentText) =>
        commentText.StartsWith("lq:", StringComparison.Ordinal) && int.TryParse(commentText.AsSpan(3), out var index)
            && index >= 0 && index < _spans.Count ? _spans[index] : null;

    private string Word(string span) => "LIQ0PH" + Add(span) + "Q";

    private int Add(string span)
    {
        _spans.Add(span);
        return _spans.Count - 1;
    }

    // raw and comment blocks first, so the Liquid inside them is kept as one span.
    [GeneratedRegex(@"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidSpan();

    [GeneratedRegex(@"LIQ0PH(\d+)Q|<!--lq:(\d+)-->|\s?data-lq-(\d+)(?:="")?\s?")]
    private static partial Regex Placeholder();
}
