// A chain of conditions joined by 'and'/'or'. Like Shopify Liquid, it groups right to left:
// "a or b and c" means "a or (b and c)", and evaluation stops at the first operand that decides the result.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal sealed class LogicalExpression : Expression
{
    private readonly Expression[] operands;
    private readonly bool[] isAnd;

    /// <param name="operands">The conditions, left to right.</param>
    /// <param name="isAnd">For each gap between operands: true for 'and', false for 'or'.</param>
    /// <param name="offset">Source offset.</param>
    public LogicalExpression(Expression[] operands, bool[] isAnd, int offset)
        : base(offset)
    {
        this.operands = operands;
        this.isAnd = isAnd;
    }

    public override object? Evaluate(RenderContext context) => Boxes.Bool(IsTruthy(context));

    public override bool IsTruthy(RenderContext context)
    {
        // Iterative form of the right-nested grouping: a true operand before 'or' decides (true), a false
        // operand before 'and' decides (false); otherwise the rest of the chain decides.
        for (var i = 0; i < isAnd.Length; i++)
        {
            var value = operands[i].IsTruthy(context);
            if (value != isAnd[i])
            {
                return value;
            }
        }

        return operands[^1].IsTruthy(context);
    }
}
