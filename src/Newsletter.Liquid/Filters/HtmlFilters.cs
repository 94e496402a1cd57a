// HTML filters of Shopify Liquid: escape, escape_once, newline_to_br and strip_html.
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
        add(Def("newline_to_br", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => NewlinePattern().Replace(Text(input), "<br />\n")));
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

    private static string StripHtml(string text)
    {
        if (text.IndexOf('<') < 0)
        {
            return text;
        }

        text = BlockPattern().Replace(text, string.Empty);
        return TagPattern().Replace(text, string.Empty);
    }

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex NewlinePattern();

    [GeneratedRegex(@"[""><']|&(?!([a-zA-Z]+|(#\d+));)")]
    private static partial Regex EscapeOncePattern();

    [GeneratedRegex(@"<script.*?</script>|<!--.*?-->|<style.*?</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"<.*?>", RegexOptions.Singleline)]
    private static partial Regex TagPattern();
}
