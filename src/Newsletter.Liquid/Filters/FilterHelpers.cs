// Argument conversions shared by filters, raising the errors Ruby Liquid raises for bad arguments.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Filters;

internal static class FilterHelpers
{
    public static string Text(object? value) => value as string ?? Formatting.ToText(value);

    public static long Integer(object? value)
    {
        if (Numbers.TryToIntegerStrict(value, out var result))
        {
            return result;
        }

        throw new LiquidRuntimeError(LiquidErrors.InvalidInteger);
    }

    public static FilterDefinition Def(string name, int min, int max, FilterFunction function, params string[] keywords) =>
        new(name, min, max, function, keywords.Length > 0 ? keywords : null);
}
