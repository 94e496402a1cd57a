// An integer range literal such as (1..5) or (1..limit).
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal sealed class RangeExpression : Expression
{
    public RangeExpression(Expression start, Expression end, int offset)
        : base(offset)
    {
        Start = start;
        End = end;
    }

    public Expression Start { get; }

    public Expression End { get; }

    public override object? Evaluate(RenderContext context) =>
        new LiquidRange(ToBound(context, Start), ToBound(context, End));

    private static long ToBound(RenderContext context, Expression expression)
    {
        var value = expression.Evaluate(context);
        if (value is null)
        {
            return 0;
        }

        if (Numbers.TryToIntegerLoose(value, out var bound))
        {
            return bound;
        }

        if (value is string s)
        {
            return Numbers.LeadingInteger(s);
        }

        throw context.Error(expression.Offset, LiquidErrors.InvalidRangeBound(value));
    }
}
