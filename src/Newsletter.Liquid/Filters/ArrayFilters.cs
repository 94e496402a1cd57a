// Array filters of Shopify Liquid: join, first/last, reverse, sort, uniq, compact, concat, map and sum.
using System.Text;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static class ArrayFilters
{
    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("join", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Join(input, a.Count > 0 ? Text(a[0]) : " ")));
        add(Def("first", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => (Sequences.IsArray(input) || Sequences.IsHash(input)) && Sequences.AsList(input) is { Count: > 0 } l ? l[0] : null));
        add(Def("last", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Sequences.IsArray(input) && Sequences.AsList(input) is { Count: > 0 } l ? l[^1] : null));
        add(Def("reverse", 0, 0, static (object? input, in FilterArgs a, RenderContext c) => Enumerable.Reverse(Items(input)).ToList()));
        add(Def("sort", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Sort(input, a.Get(0, null), natural: false)));
        add(Def("sort_natural", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Sort(input, a.Get(0, null), natural: true)));
        add(Def("uniq", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Uniq(input, a.Get(0, null))));
        add(Def("compact", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Compact(input, a.Get(0, null))));
        add(Def("concat", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Concat(input, a[0])));
        add(Def("map", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Map(input, a[0])));
        add(Def("sum", 0, 1, static (object? input, in FilterArgs a, RenderContext c) => Sum(input, a.Get(0, null))));
    }

    /// <summary>The flattened elements of an array filter's input (nil is empty, a scalar is one element).</summary>
    internal static List<object?> Items(object? input) => Sequences.Flatten(Sequences.ToList(input));

    private static string Join(object? input, string glue)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var item in Items(input))
        {
            if (!first)
            {
                sb.Append(glue);
            }

            first = false;
            Formatting.Append(sb, item);
        }

        return sb.ToString();
    }

    private static List<object?>? Sort(object? input, object? property, bool natural)
    {
        var items = Items(input);
        var key = property is null ? null : Text(property);

        // With a property, Ruby Liquid returns nil when some item cannot be indexed at all.
        if (key is not null && items.Any(PropertyFilters.IsUnindexable))
        {
            return null;
        }

        var keys = items.Select(item => key is null ? item : PropertyFilters.Fetch(item, key)).ToArray();
        var order = Enumerable.Range(0, items.Count).ToArray();
        Comparison<int> compare = natural
            ? (x, y) => CompareNatural(keys[x], keys[y])
            : (x, y) => CompareForSort(keys[x], keys[y]);
        try
        {
            // Stable, so equal keys keep their input order.
            order = order.Order(Comparer<int>.Create(compare)).ToArray();
        }
        catch (InvalidOperationException e) when (e.InnerException is LiquidRuntimeError inner)
        {
            throw inner;
        }

        return order.Select(i => items[i]).ToList();
    }

    private static int CompareForSort(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }

        int? order;
        try
        {
            order = LiquidValues.Compare(a, b);
        }
        catch (InvalidOperationException)
        {
            order = null;
        }

        if (order is null && LiquidValues.Equals(a, b))
        {
            order = 0;
        }

        return order ?? throw new LiquidRuntimeError(LiquidErrors.CannotSort(LiquidValues.TypeName(a), LiquidValues.TypeName(b)));
    }

    private static int CompareNatural(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }

        return CaseInsensitiveCompare(Formatting.ToText(a), Formatting.ToText(b));
    }

    /// <summary>Ruby's casecmp: ASCII letters folded to lower case, then ordinal order.</summary>
    private static int CaseInsensitiveCompare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = char.IsAsciiLetterUpper(a[i]) ? (char)(a[i] + 32) : a[i];
            var y = char.IsAsciiLetterUpper(b[i]) ? (char)(b[i] + 32) : b[i];
            if (x != y)
            {
                return x < y ? -1 : 1;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static List<object?>? Uniq(object? input, object? property)
    {
        var key = property is null ? null : Text(property);
        var seen = new List<object?>();
        var result = new List<object?>();
        foreach (var item in Items(input))
        {
            if (key is not null && PropertyFilters.IsUnindexable(item))
            {
                return null;
            }

            var value = key is null ? item : PropertyFilters.Fetch(item, key);
            if (!seen.Any(s => SameValue(s, value)))
            {
                seen.Add(value);
                result.Add(item);
            }
        }

        return result;
    }

    private static bool SameValue(object? a, object? b)
    {
        // Ruby's uniq uses eql?, which keeps 1 and 1.0 apart.
        if (Numbers.TryGetNumber(a, out var x) && Numbers.TryGetNumber(b, out var y))
        {
            return x.IsInt == y.IsInt && LiquidValues.CompareNumbers(x, y) == 0;
        }

        return LiquidValues.Equals(a, b);
    }

    private static List<object?>? Compact(object? input, object? property)
    {
        var key = property is null ? null : Text(property);
        var items = Items(input);
        if (key is not null && items.Any(PropertyFilters.IsUnindexable))
        {
            return null;
        }

        return items.Where(item => (key is null ? item : PropertyFilters.Fetch(item, key)) is not null).ToList();
    }

    private static List<object?> Concat(object? input, object? other)
    {
        if (!Sequences.IsArray(other) || other is LiquidRange)
        {
            throw new LiquidRuntimeError(LiquidErrors.NotAnArray);
        }

        var result = Items(input);
        result.AddRange(Sequences.AsList(other)!.Cast<object?>());
        return result;
    }

    private static object? Map(object? input, object? property)
    {
        var key = Text(property);
        return Items(input).Select(item => key == "to_liquid" ? item : PropertyFilters.Fetch(item, key)).ToList();
    }

    private static object Sum(object? input, object? property)
    {
        var key = property is null ? null : Text(property);
        var total = Num.Int(0);
        foreach (var item in Items(input))
        {
            var value = key is null ? item : (PropertyFilters.IsUnindexable(item) ? null : PropertyFilters.Fetch(item, key));
            total = MathFilters.Add(total, Numbers.ToNumber(value));
        }

        return total.Box();
    }
}
