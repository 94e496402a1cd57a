// A constant: string, number, boolean, nil, empty or blank.
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal sealed class LiteralExpression : Expression
{
    public LiteralExpression(object? value, int offset)
        : base(offset)
    {
        Value = value;
    }

    public object? Value { get; }

    public override object? Evaluate(RenderContext context) => Value;
}
