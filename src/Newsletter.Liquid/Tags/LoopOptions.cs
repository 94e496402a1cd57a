// Parses the 'limit:', 'offset:', 'cols:' and 'reversed' parameters shared by for and tablerow.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class LoopOptions
{
    public required string Variable { get; init; }

    public required Expression Collection { get; init; }

    /// <summary>Key of the loop for 'offset: continue': variable name plus collection markup.</summary>
    public required string Key { get; init; }

    public bool Reversed { get; private set; }

    public Expression? Limit { get; private set; }

    public Expression? Offset { get; private set; }

    public bool OffsetContinue { get; private set; }

    public Expression? Cols { get; private set; }

    public static LoopOptions Parse(Parser parser, Token tag, bool allowCols)
    {
        var expression = parser.Expression(tag);
        var variable = expression.Current;
        if (variable.Kind != ExprTokenKind.Identifier)
        {
            throw expression.Error("a loop variable name");
        }

        expression.Advance();
        if (!expression.AcceptWord("in"))
        {
            throw expression.Error("'in'");
        }

        var collectionStart = expression.Current.Offset;
        var collection = expression.ParsePrimary();
        var key = variable.Text + "-" + parser.Source.Text[collectionStart..expression.Current.Offset].Trim();
        var options = new LoopOptions { Variable = variable.Text, Collection = collection, Key = key };
        if (expression.AcceptWord("reversed"))
        {
            options.Reversed = true;
        }

        while (!expression.AtEnd)
        {
            var name = expression.Current;
            if (name.Kind == ExprTokenKind.Comma)
            {
                expression.Advance();
                continue;
            }

            if (name.Kind == ExprTokenKind.Identifier && expression.Peek().Kind == ExprTokenKind.Colon)
            {
                expression.Advance();
                expression.Advance();
                switch (name.Text)
                {
                    case "limit":
                        options.Limit = expression.ParsePrimary();
                        continue;
                    case "offset" when expression.AcceptWord("continue"):
                        options.OffsetContinue = true;
                        continue;
                    case "offset":
                        options.Offset = expression.ParsePrimary();
                        continue;
                    case "cols" when allowCols:
                        options.Cols = expression.ParsePrimary();
                        continue;
                }

                if (parser.Lax)
                {
                    expression.ParsePrimary();
                    continue;
                }
            }

            if (name.IsWord("reversed") && parser.Lax)
            {
                expression.Advance();
                continue;
            }

            if (!parser.Lax)
            {
                throw expression.Error("'limit:', 'offset:' or end of tag");
            }

            expression.Advance();
        }

        return options;
    }

    /// <summary>
    /// Evaluates the collection and applies offset, limit and reversed without copying list collections.
    /// for converts offset/limit with Ruby's Integer() (errors on floats and junk); tablerow uses to_i.
    /// </summary>
    public LoopSlice Slice(RenderContext context, bool tablerow)
    {
        var value = Collection.Evaluate(context);
        var source = value switch
        {
            string s => s.Length == 0 ? Array.Empty<object?>() : new object?[] { s },
            _ => Sequences.AsList(value) ?? Array.Empty<object?>(),
        };

        long from;
        long? to;
        if (tablerow)
        {
            from = Offset is null ? 0 : ToI(context, Offset, "offset");
            to = Limit is null ? null : from + ToI(context, Limit, "limit");
        }
        else
        {
            from = OffsetContinue ? context.GetLoopOffset(Key) : ToInteger(context, Offset, "offset") ?? 0;
            to = ToInteger(context, Limit, "limit") is { } limit ? from + limit : null;
        }

        var start = (int)Math.Clamp(from, 0, source.Count);
        var end = to is { } t ? (int)Math.Clamp(t, start, source.Count) : source.Count;
        if (!tablerow)
        {
            context.SetLoopOffset(Key, from + (end - start));
        }

        return new LoopSlice(source, start, end - start, Reversed);
    }

    /// <summary>Ruby's Integer(): integers and integer strings; nil means "not given".</summary>
    private static long? ToInteger(RenderContext context, Expression? expression, string name)
    {
        if (expression?.Evaluate(context) is not { } value)
        {
            return null;
        }

        return Numbers.TryToIntegerStrict(value, out var result)
            ? result
            : throw context.Error(expression.Offset, LiquidErrors.InvalidLoopArgument(name));
    }

    /// <summary>Ruby's to_i: nil is 0, floats truncate, strings read leading digits; other values are errors.</summary>
    public static long ToI(RenderContext context, Expression expression, string name)
    {
        var value = expression.Evaluate(context);
        switch (value)
        {
            case null:
                return 0;
            case string s:
                return Numbers.LeadingInteger(s);
        }

        if (Numbers.TryGetNumber(value, out var number))
        {
            return number.IsInt ? number.I : (long)Math.Truncate(number.AsDouble);
        }

        throw context.Error(expression.Offset, LiquidErrors.InvalidLoopArgument(name));
    }
}
