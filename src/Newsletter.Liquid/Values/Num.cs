// A numeric value with Ruby's integer/float distinction, used by the math filters.
namespace Newsletter.Liquid.Values;

internal enum NumKind
{
    Int,
    Float,
}

internal readonly struct Num
{
    private Num(NumKind kind, long i, double f, decimal? exact)
    {
        Kind = kind;
        I = i;
        F = f;
        Exact = exact;
    }

    public NumKind Kind { get; }

    public long I { get; }

    public double F { get; }

    // Set when the value came from a decimal literal or a C# decimal, so arithmetic stays exact
    // the way Ruby Liquid's BigDecimal arithmetic does.
    public decimal? Exact { get; }

    public bool IsInt => Kind == NumKind.Int;

    public double AsDouble => Kind == NumKind.Int ? I : F;

    public static Num Int(long value) => new(NumKind.Int, value, 0, null);

    public static Num Float(double value) => new(NumKind.Float, 0, value, null);

    public static Num Decimal(decimal value) => new(NumKind.Float, 0, RubyFloat.ToDouble(value), value);

    public object Box() => Kind == NumKind.Int ? Boxes.Int(I) : F;

    public bool TryGetDecimal(out decimal value)
    {
        if (Kind == NumKind.Int)
        {
            value = I;
            return true;
        }

        if (Exact is { } exact)
        {
            value = exact;
            return true;
        }

        return RubyFloat.TryToDecimal(F, out value);
    }
}
