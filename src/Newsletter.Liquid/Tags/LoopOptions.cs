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
            if (name.Kind == ExprTokenKind.Comma && parser.Lax)
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

    /// <summary>Evaluates the collection and applies offset, limit and reversed; records where the loop stopped.</summary>
    public List<object?> Slice(RenderContext context)
    {
        var value = Collection.Evaluate(context);
        IList<object?> items = value switch
        {
            string s => s.Length == 0 ? [] : [s],
            _ => Sequences.AsList(value) is { } list ? list as IList<object?> ?? list.Cast<object?>().ToList() : [],
        };

        long from = OffsetContinue ? context.GetLoopOffset(Key) : ToInteger(context, Offset, "offset") ?? 0;
        var limit = ToInteger(context, Limit, "limit");
        if (from < 0)
        {
            from = 0;
        }

        var to = limit is { } l ? from + Math.Max(0, l) : items.Count;
        var result = new List<object?>();
        for (var i = from; i < to && i < items.Count; i++)
        {
            result.Add(items[(int)i]);
        }

        context.SetLoopOffset(Key, from + result.Count);
        if (Reversed)
        {
            result.Reverse();
        }

        return result;
    }

    public static long? ToInteger(RenderContext context, Expression? expression, string name)
    {
        if (expression is null)
        {
            return null;
        }

        var value = expression.Evaluate(context);
        if (value is null)
        {
            return null;
        }

        if (Numbers.TryToIntegerLoose(value, out var result))
        {
            return result;
        }

        throw context.Error(expression.Offset, LiquidErrors.InvalidLoopArgument(name));
    }
}
