// Tokenizes expression markup (literals, identifiers, operators) with absolute source offsets.
namespace Newsletter.Liquid.Parsing;

internal static class ExpressionLexer
{
    public static List<ExprToken> Tokenize(SourceText source, string markup, int baseOffset, bool lax)
    {
        var tokens = new List<ExprToken>();
        var i = 0;
        while (i < markup.Length)
        {
            var c = markup[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            // Lax markup reads "-foo" as a name, as Shopify Liquid's [\w-]+ fragments do.
            var laxHyphenName = lax && c == '-' && i + 1 < markup.Length && (IsIdentifierStart(markup[i + 1]) || markup[i + 1] == '-');
            if (IsIdentifierStart(c) || laxHyphenName)
            {
                i = ReadIdentifier(markup, i);
                tokens.Add(new ExprToken(ExprTokenKind.Identifier, markup[start..i], baseOffset + start));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < markup.Length && char.IsAsciiDigit(markup[i + 1])))
            {
                i++;
                while (i < markup.Length && char.IsAsciiDigit(markup[i]))
                {
                    i++;
                }

                var kind = ExprTokenKind.Integer;
                if (i + 1 < markup.Length && markup[i] == '.' && char.IsAsciiDigit(markup[i + 1]))
                {
                    kind = ExprTokenKind.Float;
                    i++;
                    while (i < markup.Length && char.IsAsciiDigit(markup[i]))
                    {
                        i++;
                    }
                }

                // Lax markup like "1abc" or "x-1" reads as an identifier, as Ruby's \w+ fragments do.
                if (lax && i < markup.Length && (char.IsAsciiLetter(markup[i]) || markup[i] == '_') && kind == ExprTokenKind.Integer)
                {
                    i = ReadIdentifier(markup, i);
                    tokens.Add(new ExprToken(ExprTokenKind.Identifier, markup[start..i], baseOffset + start));
                    continue;
                }

                tokens.Add(new ExprToken(kind, markup[start..i], baseOffset + start));
                continue;
            }

            switch (c)
            {
                case '\'':
                case '"':
                    var close = markup.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        if (lax)
                        {
                            tokens.Add(new ExprToken(ExprTokenKind.Other, markup[i..], baseOffset + i));
                            i = markup.Length;
                            continue;
                        }

                        throw source.ParseError(baseOffset + i, LiquidErrors.UnterminatedString);
                    }

                    tokens.Add(new ExprToken(ExprTokenKind.String, markup[(i + 1)..close], baseOffset + i));
                    i = close + 1;
                    continue;
                case '.':
                    if (i + 1 < markup.Length && markup[i + 1] == '.')
                    {
                        tokens.Add(new ExprToken(ExprTokenKind.DotDot, "..", baseOffset + i));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new ExprToken(ExprTokenKind.Dot, ".", baseOffset + i));
                        i++;
                    }

                    continue;
                case '[': Add(tokens, ExprTokenKind.LBracket, "[", baseOffset + i); i++; continue;
                case ']': Add(tokens, ExprTokenKind.RBracket, "]", baseOffset + i); i++; continue;
                case '(': Add(tokens, ExprTokenKind.LParen, "(", baseOffset + i); i++; continue;
                case ')': Add(tokens, ExprTokenKind.RParen, ")", baseOffset + i); i++; continue;
                case '|': Add(tokens, ExprTokenKind.Pipe, "|", baseOffset + i); i++; continue;
                case ':': Add(tokens, ExprTokenKind.Colon, ":", baseOffset + i); i++; continue;
                case ',': Add(tokens, ExprTokenKind.Comma, ",", baseOffset + i); i++; continue;
                case '=' or '!' or '<' or '>':
                    var op = ReadOperator(markup, i);
                    var opKind = op == "=" ? ExprTokenKind.Assign : op == "!" ? ExprTokenKind.Other : ExprTokenKind.Comparison;
                    tokens.Add(new ExprToken(opKind, op, baseOffset + i));
                    i += op.Length;
                    continue;
            }

            if (!lax)
            {
                throw source.ParseError(baseOffset + i, LiquidErrors.UnexpectedCharacter(c));
            }

            tokens.Add(new ExprToken(ExprTokenKind.Other, c.ToString(), baseOffset + i));
            i++;
        }

        tokens.Add(new ExprToken(ExprTokenKind.End, string.Empty, baseOffset + markup.Length));
        return tokens;
    }

    private static void Add(List<ExprToken> tokens, ExprTokenKind kind, string text, int offset) =>
        tokens.Add(new ExprToken(kind, text, offset));

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static int ReadIdentifier(string markup, int i)
    {
        // Identifiers may contain hyphens and end with one '?', as in Shopify Liquid.
        i++;
        while (i < markup.Length && (char.IsAsciiLetterOrDigit(markup[i]) || markup[i] == '_' || markup[i] == '-'))
        {
            i++;
        }

        if (i < markup.Length && markup[i] == '?')
        {
            i++;
        }

        return i;
    }

    private static string ReadOperator(string markup, int i)
    {
        if (i + 1 < markup.Length)
        {
            var two = markup.Substring(i, 2);
            if (two is "==" or "!=" or "<>" or "<=" or ">=")
            {
                return two;
            }
        }

        return markup[i].ToString();
    }
}
