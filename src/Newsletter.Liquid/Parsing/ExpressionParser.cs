// Recursive-descent parser for expressions: literals, variable paths, ranges, filters and conditions.
using System.Globalization;
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Parsing;

internal sealed partial class ExpressionParser
{
    private readonly SourceText source;
    private readonly LiquidOptions options;
    private readonly List<ExprToken> tokens;
    private const int MaxDepth = 100;
    private int position;
    private int depth;
    private int rangeStarts;

    public ExpressionParser(SourceText source, LiquidOptions options, string markup, int markupOffset)
    {
        this.source = source;
        this.options = options;
        Lax = options.ErrorMode == LiquidErrorMode.Lax;
        tokens = ExpressionLexer.Tokenize(source, markup, markupOffset, Lax);
    }

    public bool Lax { get; }

    public ExprToken Current => tokens[position];

    public bool AtEnd => Current.Kind == ExprTokenKind.End;

    public ExprToken Peek(int ahead = 1) => tokens[Math.Min(position + ahead, tokens.Count - 1)];

    public ExprToken Advance()
    {
        var token = tokens[position];
        if (position < tokens.Count - 1)
        {
            position++;
        }

        return token;
    }

    public bool Accept(ExprTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    public bool AcceptWord(string word)
    {
        if (!Current.IsWord(word))
        {
            return false;
        }

        Advance();
        return true;
    }

    public ExprToken Expect(ExprTokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            throw Error(expected);
        }

        return Advance();
    }

    /// <summary>In strict mode, anything left over is an error; lax mode ignores trailing markup.</summary>
    public void ExpectEnd()
    {
        if (!AtEnd && !Lax)
        {
            throw Error("end of expression");
        }
    }

    public LiquidParseException Error(string expected) =>
        source.ParseError(Current.Offset, LiquidErrors.UnexpectedToken(Current.Describe(), expected));

    public FilteredExpression ParseFilteredExpression()
    {
        var start = Current.Offset;
        var input = ParsePrimary();
        var filters = ParseFilters();
        return new FilteredExpression(input, filters, start);
    }

    public Expression ParseCondition()
    {
        var first = ParseComparison();
        if (!Current.IsWord("and") && !Current.IsWord("or"))
        {
            return first;
        }

        var operands = new List<Expression> { first };
        var isAnd = new List<bool>();
        while (Current.IsWord("and") || Current.IsWord("or"))
        {
            isAnd.Add(Advance().Text == "and");
            operands.Add(ParseComparison());
        }

        return new LogicalExpression(operands.ToArray(), isAnd.ToArray(), first.Offset);
    }

    private Expression ParseComparison()
    {
        var left = ParsePrimary();
        var token = Current;
        ComparisonOperator op;
        if (token.Kind == ExprTokenKind.Comparison)
        {
            op = token.Text switch
            {
                "==" => ComparisonOperator.Equal,
                "!=" or "<>" => ComparisonOperator.NotEqual,
                "<" => ComparisonOperator.Less,
                ">" => ComparisonOperator.Greater,
                "<=" => ComparisonOperator.LessOrEqual,
                _ => ComparisonOperator.GreaterOrEqual,
            };
        }
        else if (token.IsWord("contains"))
        {
            op = ComparisonOperator.Contains;
        }
        else if (token.Kind == ExprTokenKind.Identifier && token.Text is not ("and" or "or"))
        {
            throw source.ParseError(token.Offset, LiquidErrors.UnknownOperator(token.Text));
        }
        else if (token.Kind is ExprTokenKind.Assign or ExprTokenKind.Other && token.Text is "=" or "!")
        {
            throw source.ParseError(token.Offset, LiquidErrors.UnknownOperator(token.Text));
        }
        else
        {
            return left;
        }

        Advance();
        var right = ParsePrimary();
        return new ComparisonExpression(left, op, right, token.Offset);
    }

    public Expression ParsePrimary()
    {
        if (++depth > MaxDepth)
        {
            throw source.ParseError(Current.Offset, LiquidErrors.NestingTooDeep(MaxDepth));
        }

        try
        {
            return ParsePrimaryCore();
        }
        finally
        {
            depth--;
        }
    }

    private Expression ParsePrimaryCore()
    {
        var token = Current;
        switch (token.Kind)
        {
            case ExprTokenKind.String:
                Advance();
                return new LiteralExpression(token.Text, token.Offset);
            case ExprTokenKind.Integer:
                Advance();
                return new LiteralExpression(ParseInteger(token.Text), token.Offset);
            case ExprTokenKind.Float:
                Advance();
                return new LiteralExpression(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture), token.Offset);
            case ExprTokenKind.LParen:
                return ParseRange();
            case ExprTokenKind.Identifier:
                switch (token.Text)
                {
                    case "nil" or "null":
                        Advance();
                        return new LiteralExpression(null, token.Offset);
                    case "true":
                        Advance();
                        return new LiteralExpression(Boxes.True, token.Offset);
                    case "false":
                        Advance();
                        return new LiteralExpression(Boxes.False, token.Offset);
                    case "empty" when Peek().Kind is not (ExprTokenKind.Dot or ExprTokenKind.LBracket):
                        Advance();
                        return new LiteralExpression(EmptyValue.Instance, token.Offset);
                    case "blank" when Peek().Kind is not (ExprTokenKind.Dot or ExprTokenKind.LBracket):
                        Advance();
                        return new LiteralExpression(BlankValue.Instance, token.Offset);
                }

                return ParseVariable();
            case ExprTokenKind.LBracket:
                return ParseVariable();
        }

        throw Error("a value");
    }

    private static object ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Boxes.Int(value)
            : double.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private Expression ParseRange()
    {
        var open = Advance();
        rangeStarts++;
        Expression start;
        try
        {
            start = ParsePrimary();
        }
        finally
        {
            rangeStarts--;
        }

        Expect(ExprTokenKind.DotDot, "'..'");
        var end = ParsePrimary();
        Expect(ExprTokenKind.RParen, "')'");
        return new RangeExpression(start, end, open.Offset);
    }

    private VariableExpression ParseVariable()
    {
        var first = Current;
        string? rootName = null;
        Expression? rootIndex = null;
        if (first.Kind == ExprTokenKind.Identifier)
        {
            rootName = Advance().Text;
        }
        else
        {
            Advance();
            rootIndex = ParsePrimary();
            Expect(ExprTokenKind.RBracket, "']'");
        }

        var path = new List<PathSegment>();
        while (true)
        {
            var token = Current;
            // Lax markup reads "a..b" as a.b and ignores a dangling dot, as Shopify Liquid's lax lookup does.
            var laxDots = Lax && token.Kind == ExprTokenKind.DotDot && rangeStarts == 0 && Peek().Kind == ExprTokenKind.Identifier;
            if (token.Kind == ExprTokenKind.Dot || laxDots)
            {
                Advance();
                while (Lax && Current.Kind is ExprTokenKind.Dot or ExprTokenKind.DotDot && rangeStarts == 0)
                {
                    Advance();
                }

                var name = Current;
                if (name.Kind == ExprTokenKind.Identifier || (Lax && name.Kind == ExprTokenKind.Integer))
                {
                    Advance();
                    path.Add(name.Kind == ExprTokenKind.Integer
                        ? new PathSegment(null, new LiteralExpression(ParseInteger(name.Text), name.Offset), name.Offset)
                        : new PathSegment(name.Text, null, name.Offset));
                    continue;
                }

                if (Lax)
                {
                    break;
                }

                throw Error("a property name");
            }

            if (token.Kind == ExprTokenKind.LBracket)
            {
                Advance();
                var index = ParsePrimary();
                Expect(ExprTokenKind.RBracket, "']'");
                path.Add(index is LiteralExpression { Value: string key }
                    ? new PathSegment(key, null, token.Offset)
                    : new PathSegment(null, index, token.Offset));
                continue;
            }

            if (Lax && token.Kind == ExprTokenKind.Identifier && path.Count > 0 && tokens[position - 1].Kind == ExprTokenKind.RBracket)
            {
                // Lax markup such as products[0]title reads as products[0].title.
                Advance();
                path.Add(new PathSegment(token.Text, null, token.Offset));
                continue;
            }

            break;
        }

        return new VariableExpression(rootName, rootIndex, path.ToArray(), first.Offset);
    }
}
