// Refuses issue bodies nested so deep that the Markdown and HTML tools after it would exhaust the stack or stall.
namespace Newsletter.Authoring;

/// <summary>
/// Bounds how deep an issue body nests: block quotes (<c>&gt;</c> markers at a line's start), list items (by
/// indentation) and raw HTML elements. Each level is a recursion in the Markdown parser, the HTML parser, the CSS
/// inliner and the text converter; a hundred thousand of them crash the process or run for minutes. Real issues
/// nest a few levels.
/// </summary>
public static class BodyNesting
{
    /// <summary>The deepest nesting of block quotes.</summary>
    public const int MaxQuoteDepth = 32;

    /// <summary>The deepest nesting of lists, counted as two columns of indentation per level.</summary>
    public const int MaxListDepth = 32;

    /// <summary>The most raw HTML elements open at once (elements whose end tag may be left out are not counted).</summary>
    public const int MaxHtmlDepth = 128;

    /// <summary>Checks <paramref name="body"/>, whose first line is line <paramref name="bodyLine"/> of <paramref name="path"/>.</summary>
    /// <exception cref="IssueFormatException">The body nests deeper than a limit, at the line and column where it does.</exception>
    public static void Check(string path, string body, int bodyLine)
    {
        var lines = body.Split('\n');
        var html = 0;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var quotes = 0;
            var i = 0;
            for (; i < line.Length && (line[i] is '>' or ' ' or '\t'); i++)
                if (line[i] == '>' && ++quotes > MaxQuoteDepth) throw TooDeep(path, bodyLine + n, i + 1, line, "block quotes ('>')", MaxQuoteDepth);
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            // Two columns per list level is the tightest nesting Markdown allows.
            if (indent / 2 > MaxListDepth && line.TrimStart() is ['-' or '*' or '+', ' ', ..] or [>= '0' and <= '9', ..])
                throw TooDeep(path, bodyLine + n, indent + 1, line, "lists", MaxListDepth);
            for (var c = 0; c + 1 < line.Length; c++)
            {
                if (line[c] != '<') continue;
                if (char.IsAsciiLetter(line[c + 1]) && !NeverNests(line, c + 1) && !SelfClosed(line, c))
                {
                    if (++html > MaxHtmlDepth) throw TooDeep(path, bodyLine + n, c + 1, line, "HTML elements", MaxHtmlDepth);
                }
                else if (line[c + 1] == '/' && html > 0)
                {
                    html--;
                }
            }
        }
    }

    // Void elements have no end tag (HTML Living Standard §13.1.2) and these may leave theirs out (§13.1.2.4), so
    // counting them would call a tidy issue deep.
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
        "rb", "rt", "rp", "html", "head", "body",
    };

    private static bool NeverNests(string line, int nameStart)
    {
        var end = nameStart;
        while (end < line.Length && char.IsAsciiLetterOrDigit(line[end])) end++;
        return Uncounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(line.AsSpan(nameStart, end - nameStart));
    }

    private static bool SelfClosed(string line, int start)
    {
        var close = line.IndexOf('>', start);
        return close > 0 && line[close - 1] == '/';
    }

    private static IssueFormatException TooDeep(string path, int line, int column, string text, string what, int limit) =>
        new(new SourcePosition(path, line, column, text.Length > 200 ? text[..200] : text), $"the body nests {what} more than {limit} levels deep; flatten it");
}
