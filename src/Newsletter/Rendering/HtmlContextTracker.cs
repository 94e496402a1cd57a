// Tracks whether a position in HTML source is in text, inside a tag, or inside an attribute value.
namespace Newsletter.Rendering;

/// <summary>Where a position in HTML source stands, as far as placeholders care.</summary>
internal enum HtmlContext
{
    Text,
    Tag,
    AttributeValue,
}

/// <summary>A forward-only scanner over HTML source that knows the <see cref="HtmlContext"/> at its position.</summary>
internal sealed class HtmlContextTracker
{
    private char _quote;
    private bool _inComment;

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
            switch (State)
            {
                case HtmlContext.Text when c == '<' && i + 3 < source.Length && source.AsSpan(i, 4).SequenceEqual("<!--"):
                    _inComment = true;
                    i += 3;
                    break;
                case HtmlContext.Text when c == '<' && i + 1 < source.Length && (char.IsAsciiLetter(source[i + 1]) || source[i + 1] == '/'):
                    State = HtmlContext.Tag;
                    break;
                case HtmlContext.Tag when c is '"' or '\'':
                    _quote = c;
                    State = HtmlContext.AttributeValue;
                    break;
                case HtmlContext.Tag when c == '>':
                    State = HtmlContext.Text;
                    break;
                case HtmlContext.AttributeValue when c == _quote:
                    State = HtmlContext.Tag;
                    break;
            }
        }
    }
}
