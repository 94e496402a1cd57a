// {{ expression }} and {% echo expression %}: writes a value to the output.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal sealed class OutputNode : Node
{
    private readonly Expression expression;
    private readonly bool escape;
    private readonly bool escapeFilter;

    /// <param name="expression">The value and its filters.</param>
    /// <param name="offset">Where the output starts in the source.</param>
    /// <param name="escapeByDefault">
    /// True for HTML templates (<see cref="LiquidOptions.EscapeOutput"/>): the value is escaped unless the last filter
    /// is <c>raw</c> (the author vouches for it) or already escapes (<c>escape</c>, <c>h</c>, <c>escape_once</c>).
    /// </param>
    public OutputNode(Expression expression, int offset, bool escapeByDefault = false)
        : base(offset)
    {
        var last = expression is FilteredExpression { Filters: [.., { Definition: not null, Arguments.Length: 0 } final] } ? final.Name : null;
        // A trailing "| escape" (or "| raw") is applied while writing, so the escaped copy of the value is never allocated.
        if (last is "escape" or "h" or "raw")
        {
            var filtered = (FilteredExpression)expression;
            this.expression = filtered.Filters.Length == 1
                ? filtered.Input
                : new FilteredExpression(filtered.Input, filtered.Filters[..^1], filtered.Offset);
            escape = escapeFilter = last != "raw";
        }
        else
        {
            this.expression = expression;
            escape = escapeByDefault && last != "escape_once";
        }
    }

    public override Completion Render(RenderContext context)
    {
        var value = expression.Evaluate(context);
        switch (value)
        {
            case null:
                break;
            case string text when escape:
                context.Output.WriteEscaped(text);
                break;
            case long or double or bool or string:
                context.Output.WriteValue(value);
                break;
            default:
                if (escape)
                {
                    // The escape filter reads its input as text; a default escape keeps the unescaped output's form.
                    context.Output.WriteEscaped(escapeFilter ? Formatting.ToText(value) : Formatting.ToOutput(value));
                }
                else
                {
                    context.Output.WriteValue(value);
                }

                break;
        }

        return Completion.Normal;
    }
}
