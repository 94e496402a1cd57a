// {{ expression }} and {% echo expression %}: writes a value to the output.
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal sealed class OutputNode : Node
{
    public OutputNode(Expression expression, int offset)
        : base(offset)
    {
        Expression = expression;
    }

    public Expression Expression { get; }

    public override Completion Render(RenderContext context)
    {
        context.Output.WriteValue(Expression.Evaluate(context));
        return Completion.Normal;
    }
}
