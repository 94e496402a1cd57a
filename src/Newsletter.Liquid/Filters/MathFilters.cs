// Arithmetic filters with Ruby Liquid's integer/float rules (integer division floors; floats via exact decimals).
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static class MathFilters
{
    private enum Op
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Modulo,
    }

    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("plus", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Apply(input, a[0], Op.Add)));
        add(Def("minus", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Apply(input, a[0], Op.Subtract)));
        add(Def("times", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Apply(input, a[0], Op.Multiply)));
        add(Def("divided_by", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Apply(input, a[0], Op.Divide)));
        add(Def("modulo", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Apply(input, a[0], Op.Modulo)));
        add(Def("abs", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Abs(Numbers.ToNumber(input))));
        add(Def("ceil", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => RoundToInteger(Numbers.ToNumber(input), Math.Ceiling)));
        add(Def("floor", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => RoundToInteger(Numbers.ToNumber(input), Math.Floor)));
        add(Def("round", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Round(Numbers.ToNumber(input), a.Get(0, null))));
        add(Def("at_least", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Pick(input, a[0], preferLarger: true)));
        add(Def("at_most", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Pick(input, a[0], preferLarger: false)));
    }

    private static object Apply(object? input, object? operand, Op op)
    {
        var left = Numbers.ToNumber(input);
        var right = Numbers.ToNumber(operand);
        return Compute(left, right, op).Box();
    }

    internal static Num Add(Num a, Num b) => Compute(a, b, Op.Add);

    private static Num Compute(Num a, Num b, Op op)
    {
        if (a.IsInt && b.IsInt)
        {
            return IntegerOp(a.I, b.I, op);
        }

        if (a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db))
        {
            try
            {
                var exact = op switch
                {
                    Op.Add => da + db,
                    Op.Subtract => da - db,
                    Op.Multiply => da * db,
                    Op.Divide => db == 0 ? throw new LiquidRuntimeError(LiquidErrors.DividedByZero) : da / db,
                    _ => db == 0 ? throw new LiquidRuntimeError(LiquidErrors.DividedByZero) : FloorMod(da, db),
                };
                return Num.Float(RubyFloat.ToDouble(exact));
            }
            catch (OverflowException)
            {
                // Beyond decimal's range; fall back to doubles like Ruby's Float would.
            }
        }

        var x = a.AsDouble;
        var y = b.AsDouble;
        return Num.Float(op switch
        {
            Op.Add => x + y,
            Op.Subtract => x - y,
            Op.Multiply => x * y,
            Op.Divide => x / y,
            _ => x - (y * Math.Floor(x / y)),
        });
    }

    private static Num IntegerOp(long x, long y, Op op)
    {
        try
        {
            return op switch
            {
                Op.Add => Num.Int(checked(x + y)),
                Op.Subtract => Num.Int(checked(x - y)),
                Op.Multiply => Num.Int(checked(x * y)),
                Op.Divide => y == 0 ? throw new LiquidRuntimeError(LiquidErrors.DividedByZero) : Num.Int(FloorDiv(x, y)),
                _ => y == 0 ? throw new LiquidRuntimeError(LiquidErrors.DividedByZero) : Num.Int(x - (y * FloorDiv(x, y))),
            };
        }
        catch (OverflowException)
        {
            return Compute(Num.Float(x), Num.Float(y), op);
        }
    }

    private static long FloorDiv(long x, long y)
    {
        var q = x / y;
        return (x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q;
    }

    private static decimal FloorMod(decimal x, decimal y) => x - (y * Math.Floor(x / y));

    private static object Abs(Num n) => n.IsInt ? Boxes.Int(Math.Abs(n.I)) : Math.Abs(n.AsDouble);

    private static object RoundToInteger(Num n, Func<double, double> round) =>
        n.IsInt ? Boxes.Int(n.I) : Boxes.Int((long)round(n.TryGetDecimal(out var d) ? RubyFloat.ToDouble(d) : n.F));

    private static object Round(Num n, object? digitsArg)
    {
        // Ruby rounds to an Integer for zero or negative digits and to a Float otherwise.
        var requested = Numbers.ToNumber(digitsArg);
        var digits = (int)Math.Clamp(requested.IsInt ? requested.I : (long)requested.AsDouble, -20, 20);
        if (n.IsInt)
        {
            return Boxes.Int(digits >= 0 ? n.I : (long)RoundHalfAway(n.I, digits));
        }

        if (!n.TryGetDecimal(out var d))
        {
            if (double.IsNaN(n.F) || double.IsInfinity(n.F))
            {
                return n.F;
            }

            return digits <= 0 ? Boxes.Int((long)RoundHalfAway((decimal)Math.Round(n.F), digits)) : n.F;
        }

        return digits <= 0 ? Boxes.Int((long)RoundHalfAway(d, digits)) : RubyFloat.ToDouble(Math.Round(d, Math.Min(digits, 28), MidpointRounding.AwayFromZero));
    }

    private static decimal RoundHalfAway(decimal value, int digits)
    {
        if (digits >= 0)
        {
            return Math.Round(value, MidpointRounding.AwayFromZero);
        }

        var scale = (decimal)Math.Pow(10, -digits);
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }

    private static object Pick(object? input, object? other, bool preferLarger)
    {
        var a = Numbers.ToNumber(input);
        var b = Numbers.ToNumber(other);
        var order = LiquidValues.CompareNumbers(a, b);
        var chosen = preferLarger ? (order >= 0 ? a : b) : (order <= 0 ? a : b);
        return chosen.Box();
    }
}
