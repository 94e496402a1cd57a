// 'and' / 'or' in conditions. The parser groups them right to left, as Shopify Liquid does.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal sealed class LogicalExpression : Expression
{
    public LogicalExpression(Expression left, bool isAnd, Expression right, int offset)
        : base(offset)
    {
        Left = left;
        IsAnd = isAnd;
        Right = right;
    }

    public Expression Left { get; }

    public bool IsAnd { get; }

    public Expression Right { get; }

    public override object? Evaluate(RenderContext context) => Boxes.Bool(IsTruthy(context));

    public override bool IsTruthy(RenderContext context) =>
        IsAnd
            ? Left.IsTruthy(context) && Right.IsTruthy(context)
            : Left.IsTruthy(context) || Right.IsTruthy(context);
}
