// A value piped through filters, as in {{ name | upcase | truncate: 10 }}.
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal sealed class FilteredExpression : Expression
{
    public FilteredExpression(Expression input, FilterCall[] filters, int offset)
        : base(offset)
    {
        Input = input;
        Filters = filters;
    }

    public Expression Input { get; }

    public FilterCall[] Filters { get; }

    public override object? Evaluate(RenderContext context)
    {
        var value = Input.Evaluate(context);
        foreach (var filter in Filters)
        {
            value = filter.Apply(value, context);
        }

        return value;
    }
}
