// HTML filters of Shopify Liquid: escape, escape_once, newline_to_br and strip_html.
using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Newsletter.Liquid.Rendering;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static partial class HtmlFilters
{
    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("escape", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => input is null ? null : Escape(Text(input))));
        add(Def("h", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => input is null ? null : Escape(Text(input))));
        add(Def("escape_once", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => input is null ? null : EscapeOnce(Text(input))));
        // Marks a value as HTML the template vouches for; output applies it (see LiquidOptions.EscapeOutput).
        add(Def("raw", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => input));
        add(Def("newline_to_br", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Text(input) is var s && s.Contains('\n') ? NewlinePattern().Replace(s, "<br />\n") : s));
        add(Def("strip_html", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => StripHtml(Text(input))));
    }

    /// <summary>Escapes &amp; &lt; &gt; " and ' like Ruby's CGI.escapeHTML; returns the input itself when nothing needs escaping.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny("&<>\"'");
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            AppendEscaped(sb, text[i]);
        }

        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> HTML-escaped and returns how many UTF-8 bytes were appended.</summary>
    public static int AppendEscaped(StringBuilder sb, string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        var start = 0;
        while (true)
        {
            var next = text.AsSpan(start).IndexOfAny("&<>\"'");
            if (next < 0)
            {
                sb.Append(text, start, text.Length - start);
                return bytes;
            }

            sb.Append(text, start, next);
            var c = text[start + next];
            AppendEscaped(sb, c);
            bytes += c switch { '&' => 4, '"' => 5, '\'' => 4, _ => 3 };
            start += next + 1;
        }
    }

    private static void AppendEscaped(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '&': sb.Append("&amp;"); break;
            case '<': sb.Append("&lt;"); break;
            case '>': sb.Append("&gt;"); break;
            case '"': sb.Append("&quot;"); break;
            case '\'': sb.Append("&#39;"); break;
            default: sb.Append(c); break;
        }
    }

    private static string EscapeOnce(string text) =>
        EscapeOncePattern().Replace(text, static m => m.Value switch
        {
            "&" => "&amp;",
            "<" => "&lt;",
            ">" => "&gt;",
            "\"" => "&quot;",
            _ => "&#39;",
        });

    /// <summary>
    /// Ruby Liquid's two passes, without regular expressions: first script/style elements and comments
    /// (case-sensitive, as Ruby's patterns are), then anything from '&lt;' to the next '&gt;'.
    /// </summary>
    private static string StripHtml(string text)
    {
        if (text.IndexOf('<') < 0)
        {
            return text;
        }

        if (text.Contains("<script", StringComparison.Ordinal) || text.Contains("<!--", StringComparison.Ordinal) || text.Contains("<style", StringComparison.Ordinal))
        {
            text = RemoveBlocks(text);
        }

        // The result is never longer than the input, so one pooled buffer and the final string suffice.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOf('<', i);
                var close = open < 0 ? -1 : text.IndexOf('>', open + 1);
                var keepUntil = close < 0 ? text.Length : open;
                text.AsSpan(i, keepUntil - i).CopyTo(buffer.AsSpan(length));
                length += keepUntil - i;
                if (close < 0)
                {
                    break;
                }

                i = close + 1;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string RemoveBlocks(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('<', i);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            var end = BlockEnd(text, open);
            if (end < 0)
            {
                sb.Append(text, i, open + 1 - i);
                i = open + 1;
                continue;
            }

            sb.Append(text, i, open - i);
            i = end;
        }

        return sb.ToString();
    }

    /// <summary>The index just past a script/style element or comment starting at <paramref name="open"/>, or -1.</summary>
    private static int BlockEnd(string text, int open)
    {
        foreach (var (start, finish) in Blocks)
        {
            if (string.CompareOrdinal(text, open, start, 0, start.Length) == 0)
            {
                var close = text.IndexOf(finish, open + start.Length, StringComparison.Ordinal);
                if (close >= 0)
                {
                    return close + finish.Length;
                }
            }
        }

        return -1;
    }

    private static readonly (string Start, string End)[] Blocks = [("<script", "</script>"), ("<!--", "-->"), ("<style", "</style>")];

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex NewlinePattern();

    [GeneratedRegex(@"[""><']|&(?!([a-zA-Z]+|(#\d+));)")]
    private static partial Regex EscapeOncePattern();

}
