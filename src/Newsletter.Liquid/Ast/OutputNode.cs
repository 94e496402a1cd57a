// {{ expression }} and {% echo expression %}: writes a value to the output.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal sealed class OutputNode : Node
{
    private readonly Expression expression;
    private readonly bool escape;

    public OutputNode(Expression expression, int offset)
        : base(offset)
    {
        // A trailing "| escape" is applied while writing, so the escaped copy of the value is never allocated.
        if (expression is FilteredExpression { Filters: [.., { Name: "escape" or "h", Definition: not null, Arguments.Length: 0 }] } filtered)
        {
            this.expression = filtered.Filters.Length == 1
                ? filtered.Input
                : new FilteredExpression(filtered.Input, filtered.Filters[..^1], filtered.Offset);
            escape = true;
        }
        else
        {
            this.expression = expression;
        }
    }

    public override Completion Render(RenderContext context)
    {
        var value = expression.Evaluate(context);
        if (escape)
        {
            if (value is not null)
            {
                context.Output.WriteEscaped(value as string ?? Formatting.ToText(value));
            }
        }
        else
        {
            context.Output.WriteValue(value);
        }

        return Completion.Normal;
    }
}
