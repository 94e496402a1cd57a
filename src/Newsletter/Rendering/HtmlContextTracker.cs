// Tracks whether a position in HTML source is in text, inside a tag, or inside an attribute value.
namespace Newsletter.Rendering;

/// <summary>Where a position in HTML source stands, as far as placeholders care.</summary>
internal enum HtmlContext
{
    Text,
    Tag,
    AttributeValue,
    /// <summary>The text of an RCDATA element (title, textarea), which HTML keeps as text: a comment there is not one.</summary>
    EscapableText,
}

/// <summary>A forward-only scanner over HTML source that knows the <see cref="HtmlContext"/> at its position.</summary>
internal sealed class HtmlContextTracker
{
    private char _quote;
    private bool _inComment;
    private int _tagStart;
    private string? _rawElement;

    public HtmlContext State { get; private set; } = HtmlContext.Text;

    /// <summary>Moves over <paramref name="source"/>[from..to).</summary>
    public void Advance(string source, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = source[i];
            if (_inComment)
            {
                if (c == '>' && i >= 2 && source[i - 1] == '-' && source[i - 2] == '-') _inComment = false;
                continue;
            }
            if (State == HtmlContext.EscapableText)
            {
                if (c == '<' && source.AsSpan(i).StartsWith("</" + _rawElement, StringComparison.OrdinalIgnoreCase))
                {
                    State = HtmlContext.Tag;
                    _tagStart = i + 1;
                }
                continue;
            }
            switch (State)
            {
                case HtmlContext.Text when c == '<' && i + 3 < source.Length && source.AsSpan(i, 4).SequenceEqual("<!--"):
                    _inComment = true;
                    i += 3;
                    break;
                case HtmlContext.Text when c == '<' && i + 1 < source.Length && (char.IsAsciiLetter(source[i + 1]) || source[i + 1] == '/'):
                    State = HtmlContext.Tag;
                    _tagStart = i + 1;
                    break;
                case HtmlContext.Tag when c is '"' or '\'':
                    _quote = c;
                    State = HtmlContext.AttributeValue;
                    break;
                case HtmlContext.Tag when c == '>':
                    _rawElement = EscapableTextElement(source, _tagStart, i);
                    State = _rawElement is null ? HtmlContext.Text : HtmlContext.EscapableText;
                    break;
                case HtmlContext.AttributeValue when c == _quote:
                    State = HtmlContext.Tag;
                    break;
            }
        }
    }

    // The start tag of <title> or <textarea> opens text that runs to its end tag (HTML Living Standard §13.1.2).
    private static string? EscapableTextElement(string source, int nameStart, int tagEnd)
    {
        var end = nameStart;
        while (end < tagEnd && char.IsAsciiLetterOrDigit(source[end])) end++;
        var name = source.AsSpan(nameStart, end - nameStart);
        return name.Equals("title", StringComparison.OrdinalIgnoreCase) ? "title"
            : name.Equals("textarea", StringComparison.OrdinalIgnoreCase) ? "textarea"
            : null;
    }
}
