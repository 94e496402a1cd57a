// The `empty` and `blank` literals, which compare by emptiness rather than by value.
namespace Newsletter.Liquid.Values;

internal sealed class EmptyValue
{
    public static readonly EmptyValue Instance = new();

    private EmptyValue()
    {
    }

    public override string ToString() => string.Empty;
}

internal sealed class BlankValue
{
    public static readonly BlankValue Instance = new();

    private BlankValue()
    {
    }

    public override string ToString() => string.Empty;
}
