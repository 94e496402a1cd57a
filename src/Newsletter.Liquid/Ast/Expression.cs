// Base of all expression nodes: literals, variables, ranges, filtered values and conditions.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal abstract class Expression
{
    protected Expression(int offset)
    {
        Offset = offset;
    }

    /// <summary>Source offset, for error positions.</summary>
    public int Offset { get; }

    public abstract object? Evaluate(RenderContext context);

    /// <summary>Conditions override this to avoid boxing a bool they would only unbox again.</summary>
    public virtual bool IsTruthy(RenderContext context) => LiquidValues.IsTruthy(Evaluate(context));
}
