// String filters of Shopify Liquid: case, trimming, search/replace, slicing, splitting and truncation.
using System.Text;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Values;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static class StringFilters
{
    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("append", 1, 1, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(input) + Text(a[0])));
        add(Def("prepend", 1, 1, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(a[0]) + Text(input)));
        add(Def("downcase", 0, 0, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(input).ToLowerInvariant()));
        add(Def("upcase", 0, 0, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(input).ToUpperInvariant()));
        add(Def("capitalize", 0, 0, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Capitalize(Text(input))));
        add(Def("strip", 0, 0, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(input).Trim(Lexer.Whitespace)));
        add(Def("lstrip", 0, 0, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(input).TrimStart(Lexer.Whitespace)));
        add(Def("rstrip", 0, 0, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(input).TrimEnd(Lexer.Whitespace)));
        add(Def("strip_newlines", 0, 0, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Text(input).Replace("\r\n", string.Empty).Replace("\n", string.Empty)));
        add(Def("remove", 1, 1, static (object? input, in FilterArgs a, Rendering.RenderContext c) => ReplaceAll(Text(input), Text(a[0]), string.Empty)));
        add(Def("remove_first", 1, 1, static (object? input, in FilterArgs a, Rendering.RenderContext c) => ReplaceFirst(Text(input), Text(a[0]), string.Empty)));
        add(Def("remove_last", 1, 1, static (object? input, in FilterArgs a, Rendering.RenderContext c) => ReplaceLast(Text(input), Text(a[0]), string.Empty)));
        add(Def("replace", 1, 2, static (object? input, in FilterArgs a, Rendering.RenderContext c) => ReplaceAll(Text(input), Text(a[0]), Text(a.Get(1, string.Empty)))));
        add(Def("replace_first", 1, 2, static (object? input, in FilterArgs a, Rendering.RenderContext c) => ReplaceFirst(Text(input), Text(a[0]), Text(a.Get(1, string.Empty)))));
        add(Def("replace_last", 2, 2, static (object? input, in FilterArgs a, Rendering.RenderContext c) => ReplaceLast(Text(input), Text(a[0]), Text(a[1]))));
        add(Def("slice", 1, 2, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Slice(input, a[0], a.Get(1, null))));
        add(Def("split", 1, 1, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Split(Text(input), Text(a[0]))));
        add(Def("truncate", 0, 2, static (object? input, in FilterArgs a, Rendering.RenderContext c) => Truncate(input, a.Get(0, Boxes.Int(50)), a.Get(1, "..."))));
        add(Def("truncatewords", 0, 2, static (object? input, in FilterArgs a, Rendering.RenderContext c) => TruncateWords(input, a.Get(0, Boxes.Int(15)), a.Get(1, "..."))));
    }

    private static string ReplaceAll(string text, string search, string replacement)
    {
        // Ruby's gsub with an empty pattern inserts the replacement between every character.
        if (search.Length == 0)
        {
            if (replacement.Length == 0)
            {
                return text;
            }

            var sb = new StringBuilder(text.Length * (replacement.Length + 1) + replacement.Length);
            sb.Append(replacement);
            foreach (var ch in text)
            {
                sb.Append(ch).Append(replacement);
            }

            return sb.ToString();
        }

        return text.Replace(search, replacement, StringComparison.Ordinal);
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    private static string ReplaceFirst(string text, string search, string replacement)
    {
        var index = text.IndexOf(search, StringComparison.Ordinal);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + search.Length));
    }

    private static string ReplaceLast(string text, string search, string replacement)
    {
        var index = text.LastIndexOf(search, StringComparison.Ordinal);
        if (search.Length == 0)
        {
            index = text.Length;
        }

        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + search.Length));
    }

    private static object? Slice(object? input, object? offsetArg, object? lengthArg)
    {
        var offset = Integer(offsetArg);
        var length = lengthArg is null ? 1 : Integer(lengthArg);
        if (Sequences.IsArray(input) && input is not LiquidRange)
        {
            var list = Sequences.AsList(input)!;
            return SliceRange(list.Count, offset, length, out var start, out var count)
                ? list.Cast<object?>().Skip(start).Take(count).ToList()
                : new List<object?>();
        }

        var text = Text(input);
        return SliceRange(text.Length, offset, length, out var from, out var take) ? text.Substring(from, take) : string.Empty;
    }

    private static bool SliceRange(int size, long offset, long length, out int start, out int count)
    {
        if (offset < 0)
        {
            offset += size;
        }

        start = 0;
        count = 0;
        if (offset < 0 || offset > size || length < 0)
        {
            return false;
        }

        start = (int)offset;
        count = (int)Math.Min(length, size - offset);
        return true;
    }

    internal static List<object?> Split(string text, string separator)
    {
        var parts = new List<object?>();
        if (text.Length == 0)
        {
            return parts;
        }

        if (separator == " ")
        {
            foreach (var word in text.Split(Lexer.Whitespace, StringSplitOptions.RemoveEmptyEntries))
            {
                parts.Add(word);
            }

            return parts;
        }

        if (separator.Length == 0)
        {
            foreach (var ch in text)
            {
                parts.Add(ch.ToString());
            }

            return parts;
        }

        parts.AddRange(text.Split(separator));

        // Ruby drops trailing empty fields.
        while (parts.Count > 0 && ((string)parts[^1]!).Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    private static object? Truncate(object? input, object? lengthArg, object? ellipsisArg)
    {
        if (input is null)
        {
            return null;
        }

        var text = Text(input);
        var length = Integer(lengthArg);
        var ellipsis = Text(ellipsisArg);
        if (text.Length <= length)
        {
            return text;
        }

        var keep = (int)Math.Max(0, length - ellipsis.Length);
        return string.Concat(text.AsSpan(0, Math.Min(keep, text.Length)), ellipsis);
    }

    private static object? TruncateWords(object? input, object? wordsArg, object? ellipsisArg)
    {
        if (input is null)
        {
            return null;
        }

        var text = Text(input);
        var words = Integer(wordsArg);
        if (words <= 0)
        {
            words = 1;
        }

        var list = text.Split(Lexer.Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (list.Length <= words)
        {
            return text;
        }

        return string.Join(' ', list, 0, (int)words) + Text(ellipsisArg);
    }
}
