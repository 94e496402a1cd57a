// Splits a stylesheet into rules that can be inlined and rules that must stay in a <style> element.
using System.Text;

namespace Newsletter.Rendering;

/// <summary>
/// A stylesheet split at the top level (CSS Syntax Level 3 blocks, comments and strings respected).
/// Plain style rules are inlined; at-rules (<c>@media</c>, <c>@font-face</c>…) and rules with pseudo-classes or
/// pseudo-elements (<c>:hover</c>, <c>::before</c>) cannot live in a <c>style</c> attribute and are kept verbatim.
/// Declarations are kept as written: email clients such as Outlook need <c>#fff</c>, not a normalised <c>rgba()</c>.
/// </summary>
public sealed class StyleSheet
{
    private static readonly string[] PseudoMarkers = [":hover", ":focus", ":active", ":visited", "::", ":before", ":after", ":root", ":target"];

    private StyleSheet(IReadOnlyList<StyleRule> inlinable, string kept)
    {
        Inlinable = inlinable;
        Kept = kept;
    }

    /// <summary>Rules to inline, in source order; one entry per selector of a selector list.</summary>
    public IReadOnlyList<StyleRule> Inlinable { get; }

    /// <summary>The rules that stay in a <c>style</c> element, as written.</summary>
    public string Kept { get; }

    /// <summary>Splits <paramref name="css"/>. Malformed trailing text is kept, not inlined.</summary>
    public static StyleSheet Parse(string css)
    {
        css = StripComments(css);
        var inlinable = new List<StyleRule>();
        var kept = new StringBuilder();
        var order = 0;
        var i = 0;
        while (i < css.Length)
        {
            var open = IndexOutsideStrings(css, '{', i);
            if (open < 0)
            {
                if (css[i..].Trim().Length > 0) kept.Append(css[i..].Trim()).Append('\n');
                break;
            }
            var prelude = css[i..open].Trim();
            var close = MatchingBrace(css, open);
            var block = css[(open + 1)..close];
            if (prelude.StartsWith('@'))
            {
                kept.Append(prelude).Append(" {").Append(block).Append("}\n");
            }
            else
            {
                foreach (var selector in SplitTopLevel(prelude, ','))
                {
                    if (PseudoMarkers.Any(m => selector.Contains(m, StringComparison.OrdinalIgnoreCase)))
                        kept.Append(selector).Append(" {").Append(block).Append("}\n");
                    else
                        inlinable.Add(new StyleRule(selector, Declarations(block), order));
                }
                order++;
            }
            i = close + 1;
        }
        return new StyleSheet(inlinable, kept.ToString());
    }

    /// <summary>Splits a declaration block into name/value/importance triples, values kept as written.</summary>
    public static IReadOnlyList<StyleDeclaration> Declarations(string block)
    {
        var result = new List<StyleDeclaration>();
        foreach (var part in SplitTopLevel(block, ';'))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0) continue;
            var name = part[..colon].Trim().ToLowerInvariant();
            var value = part[(colon + 1)..].Trim();
            var important = value.EndsWith("!important", StringComparison.OrdinalIgnoreCase);
            if (important) value = value[..^"!important".Length].TrimEnd();
            if (value.Length > 0) result.Add(new StyleDeclaration(name, value, important));
        }
        return result;
    }

    private static string StripComments(string css)
    {
        var builder = new StringBuilder(css.Length);
        for (var i = 0; i < css.Length; i++)
        {
            if (css[i] == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length : end + 1;
                continue;
            }
            builder.Append(css[i]);
        }
        return builder.ToString();
    }

    private static int IndexOutsideStrings(string s, char target, int start)
    {
        char quote = '\0';
        for (var i = start; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == target) return i;
        }
        return -1;
    }

    private static int MatchingBrace(string s, int open)
    {
        var depth = 0;
        char quote = '\0';
        for (var i = open; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return s.Length - 1;
    }

    private static IEnumerable<string> SplitTopLevel(string s, char separator)
    {
        var depth = 0;
        char quote = '\0';
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == separator && depth == 0)
            {
                if (s[start..i].Trim().Length > 0) yield return s[start..i].Trim();
                start = i + 1;
            }
        }
        if (s[start..].Trim().Length > 0) yield return s[start..].Trim();
    }
}

/// <summary>One selector of a style rule with its declarations.</summary>
/// <param name="Selector">A single complex selector, e.g. <c>.poll a</c>.</param>
/// <param name="Declarations">Declarations in source order.</param>
/// <param name="Order">Position of the rule in the sheet; later rules win ties (CSS Cascade 4 §6.4.4).</param>
public sealed record StyleRule(string Selector, IReadOnlyList<StyleDeclaration> Declarations, int Order);

/// <summary>A declaration as written.</summary>
/// <param name="Name">Lower-case property name.</param>
/// <param name="Value">Value text without <c>!important</c>.</param>
/// <param name="Important">Whether it was marked <c>!important</c>.</param>
public sealed record StyleDeclaration(string Name, string Value, bool Important);
