// Filters that apply to any value: default and size.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static class MiscFilters
{
    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("default", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Default(input, a, c), "allow_false"));
        add(Def("size", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Size(input)));
    }

    private static object? Default(object? input, in FilterArgs args, RenderContext context)
    {
        var fallback = args.Get(0, string.Empty);
        var allowFalse = args.TryGetKeyword("allow_false", out var flag) && LiquidValues.IsTruthy(flag);
        var useFallback = allowFalse ? input is null : !LiquidValues.IsTruthy(input);
        return useFallback || LiquidValues.IsEmpty(input) ? fallback : input;
    }

    private static object Size(object? input)
    {
        // Ruby's Integer#size is its width in bytes.
        if (Numbers.TryGetInteger(input, out _))
        {
            return Boxes.Int(8);
        }

        var size = Sequences.Size(input);
        return Boxes.Int(size < 0 ? 0 : size);
    }
}
