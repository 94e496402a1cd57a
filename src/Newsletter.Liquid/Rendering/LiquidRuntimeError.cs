// An unpositioned render failure; the nearest node or filter call adds template position when rethrowing.
namespace Newsletter.Liquid.Rendering;

internal sealed class LiquidRuntimeError : Exception
{
    public LiquidRuntimeError(string reason)
        : base(reason)
    {
    }
}
