// A binary comparison in a condition: ==, !=, <>, <, >, <=, >= and contains.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Contains,
}

internal sealed class ComparisonExpression : Expression
{
    public ComparisonExpression(Expression left, ComparisonOperator op, Expression right, int offset)
        : base(offset)
    {
        Left = left;
        Operator = op;
        Right = right;
    }

    public Expression Left { get; }

    public ComparisonOperator Operator { get; }

    public Expression Right { get; }

    public override object? Evaluate(RenderContext context) => Boxes.Bool(IsTruthy(context));

    public override bool IsTruthy(RenderContext context)
    {
        var left = Left.Evaluate(context);
        var right = Right.Evaluate(context);
        switch (Operator)
        {
            case ComparisonOperator.Equal:
                return LiquidValues.Equals(left, right);
            case ComparisonOperator.NotEqual:
                return !LiquidValues.Equals(left, right);
            case ComparisonOperator.Contains:
                return LiquidValues.Contains(left, right);
        }

        int? order;
        try
        {
            order = LiquidValues.Compare(left, right);
        }
        catch (InvalidOperationException e)
        {
            throw context.Error(Offset, e.Message);
        }

        return order is { } o && Operator switch
        {
            ComparisonOperator.Less => o < 0,
            ComparisonOperator.Greater => o > 0,
            ComparisonOperator.LessOrEqual => o <= 0,
            _ => o >= 0,
        };
    }
}
