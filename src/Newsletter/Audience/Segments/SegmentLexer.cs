// Splits a segment expression such as `tag:rust and not (plan = free)` into tokens.
namespace Newsletter.Audience.Segments;

/// <summary>Tokenizes segment expressions; keywords <c>and</c>, <c>or</c>, <c>not</c> are case-insensitive.</summary>
public static class SegmentLexer
{
    /// <summary>The tokens of <paramref name="text"/>, ending with <see cref="SegmentTokenKind.End"/>.</summary>
    /// <exception cref="SegmentException">An unterminated quote, a lone <c>!</c> or an empty tag name.</exception>
    public static List<SegmentToken> Tokenize(string text, string source)
    {
        var tokens = new List<SegmentToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i + 1;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new(SegmentTokenKind.Open, "(", column)); i++; continue; }
            if (c == ')') { tokens.Add(new(SegmentTokenKind.Close, ")", column)); i++; continue; }
            if (c == '=') { tokens.Add(new(SegmentTokenKind.Equals, "=", column)); i++; continue; }
            if (c == '!')
            {
                if (i + 1 >= text.Length || text[i + 1] != '=') throw Error(text, source, column, "'!' must be followed by '=' (write 'not' to negate)");
                tokens.Add(new(SegmentTokenKind.NotEquals, "!=", column));
                i += 2;
                continue;
            }
            if (c == '"') { tokens.Add(Quoted(text, source, ref i)); continue; }
            tokens.Add(Word(text, source, ref i));
        }
        tokens.Add(new(SegmentTokenKind.End, "", text.Length + 1));
        return tokens;
    }

    private static SegmentToken Quoted(string text, string source, ref int i)
    {
        var start = i++;
        var value = new System.Text.StringBuilder();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length) i++;
            value.Append(text[i++]);
        }
        if (i >= text.Length) throw Error(text, source, start + 1, "this quoted value has no closing '\"'");
        i++;
        return new(SegmentTokenKind.Quoted, value.ToString(), start + 1);
    }

    private static SegmentToken Word(string text, string source, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '=' or '!' or '"')) i++;
        var word = text[start..i];
        if (word.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            var name = word[4..];
            if (name.Length == 0) throw Error(text, source, start + 1, "'tag:' needs a tag name, e.g. tag:rust");
            if (!Tags.TryNormalize(name, out var tag, out var reason)) throw Error(text, source, start + 5, reason);
            return new(SegmentTokenKind.Tag, tag, start + 1);
        }
        var kind = word.ToLowerInvariant() switch
        {
            "and" => SegmentTokenKind.And,
            "or" => SegmentTokenKind.Or,
            "not" => SegmentTokenKind.Not,
            _ => SegmentTokenKind.Word,
        };
        return new(kind, word, start + 1);
    }

    internal static SegmentException Error(string text, string source, int column, string reason) =>
        new(new SourcePosition(source, 1, column, text), reason);
}
