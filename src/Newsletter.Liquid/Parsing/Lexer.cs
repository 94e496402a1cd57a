// Splits template source into text, output and tag tokens, applying whitespace control.
using System.Text.RegularExpressions;

namespace Newsletter.Liquid.Parsing;

internal static partial class Lexer
{
    public static List<Token> Tokenize(SourceText source)
    {
        var text = source.Text;
        var tokens = new List<Token>();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = FindOpening(text, pos);
            if (open < 0)
            {
                tokens.Add(new Token { Kind = TokenKind.Text, Text = text[pos..], Offset = pos });
                break;
            }

            if (open > pos)
            {
                tokens.Add(new Token { Kind = TokenKind.Text, Text = text[pos..open], Offset = pos });
            }

            pos = text[open + 1] == '{' ? ReadOutput(source, open, tokens) : ReadTag(source, open, tokens);
        }

        ApplyWhitespaceControl(tokens);
        return tokens;
    }

    private static int FindOpening(string text, int from)
    {
        while (true)
        {
            var i = text.IndexOf('{', from);
            if (i < 0 || i + 1 >= text.Length)
            {
                return -1;
            }

            if (text[i + 1] is '{' or '%')
            {
                return i;
            }

            from = i + 1;
        }
    }

    private static int ReadOutput(SourceText source, int open, List<Token> tokens)
    {
        var text = source.Text;

        // Like Shopify Liquid's tokenizer, an output ends at its first '}', which must be followed by another;
        // a '{%' before that means the output was never closed.
        var close = -1;
        for (var i = text.IndexOfAny(['}', '{'], open + 2); i >= 0; i = text.IndexOfAny(['}', '{'], i + 1))
        {
            if (text[i] == '}')
            {
                close = i;
                break;
            }

            if (i + 1 < text.Length && text[i + 1] == '%')
            {
                break;
            }
        }

        if (close < 0 || close + 1 >= text.Length || text[close + 1] != '}')
        {
            throw source.ParseError(open, LiquidErrors.UnterminatedOutput);
        }

        var start = open + 2;
        var trimLeft = start < close && text[start] == '-';
        if (trimLeft)
        {
            start++;
        }

        var end = close;
        var trimRight = end > start && text[end - 1] == '-';
        if (trimRight)
        {
            end--;
        }

        tokens.Add(new Token
        {
            Kind = TokenKind.Output,
            Markup = text[start..end],
            Offset = open,
            MarkupOffset = start,
            TrimLeft = trimLeft,
            TrimRight = trimRight,
        });
        return close + 2;
    }

    private static int ReadTag(SourceText source, int open, List<Token> tokens)
    {
        var text = source.Text;
        var close = text.IndexOf("%}", open + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw source.ParseError(open, LiquidErrors.UnterminatedTag);
        }

        var start = open + 2;
        var trimLeft = start < close && text[start] == '-';
        if (trimLeft)
        {
            start++;
        }

        var end = close;
        var trimRight = end > start && text[end - 1] == '-';
        if (trimRight)
        {
            end--;
        }

        var nameStart = start;
        while (nameStart < end && char.IsWhiteSpace(text[nameStart]))
        {
            nameStart++;
        }

        var nameEnd = nameStart;
        if (nameEnd < end && text[nameEnd] == '#')
        {
            nameEnd++;
        }
        else
        {
            while (nameEnd < end && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_'))
            {
                nameEnd++;
            }
        }

        var name = text[nameStart..nameEnd];
        tokens.Add(new Token
        {
            Kind = TokenKind.Tag,
            Name = name,
            Markup = text[nameEnd..end],
            Offset = open,
            MarkupOffset = nameEnd,
            TrimLeft = trimLeft,
            TrimRight = trimRight,
        });

        // raw and doc bodies are not tokenized: they may contain anything, even unbalanced delimiters.
        if (name == "raw")
        {
            return ReadVerbatimBody(source, close + 2, tokens, EndRawPattern(), "endraw");
        }

        if (name == "doc")
        {
            return ReadVerbatimBody(source, close + 2, tokens, EndDocPattern(), "enddoc");
        }

        return close + 2;
    }

    private static int ReadVerbatimBody(SourceText source, int from, List<Token> tokens, Regex endPattern, string endName)
    {
        var match = endPattern.Match(source.Text, from);
        if (!match.Success)
        {
            // Left for the parser, which reports the unclosed tag at its opening.
            tokens.Add(new Token { Kind = TokenKind.Text, Text = source.Text[from..], Offset = from, Verbatim = true });
            return source.Text.Length;
        }

        tokens.Add(new Token { Kind = TokenKind.Text, Text = source.Text[from..match.Index], Offset = from, Verbatim = true });
        tokens.Add(new Token
        {
            Kind = TokenKind.Tag,
            Name = endName,
            Markup = string.Empty,
            Offset = match.Index,
            MarkupOffset = match.Index + match.Length,
            TrimLeft = match.Groups[1].Length > 0,
            TrimRight = match.Groups[2].Length > 0,
        });
        return match.Index + match.Length;
    }

    private static void ApplyWhitespaceControl(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Text || token.Verbatim)
            {
                continue;
            }

            if (i > 0 && tokens[i - 1].TrimRight)
            {
                token.Text = token.Text.TrimStart(Whitespace);
            }

            if (i + 1 < tokens.Count && tokens[i + 1].TrimLeft)
            {
                token.Text = token.Text.TrimEnd(Whitespace);
            }
        }
    }

    internal static readonly char[] Whitespace = [' ', '\t', '\r', '\n', '\f', '\v', '\0'];

    [GeneratedRegex(@"\{%(-?)\s*endraw\s*(-?)%\}")]
    private static partial Regex EndRawPattern();

    [GeneratedRegex(@"\{%(-?)\s*enddoc\s*(-?)%\}")]
    private static partial Regex EndDocPattern();
}
