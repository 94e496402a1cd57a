// Filters that select array items by a property: where, reject, find, find_index and has.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static class PropertyFilters
{
    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("where", 1, 2, static (object? input, in FilterArgs a, RenderContext c) =>
            Select(input, a[0], a.Count > 1, a[1]).Where(m => m.Matched).Select(m => m.Item).ToList()));
        add(Def("reject", 1, 2, static (object? input, in FilterArgs a, RenderContext c) =>
            Select(input, a[0], a.Count > 1, a[1]).Where(m => !m.Matched).Select(m => m.Item).ToList()));
        add(Def("find", 1, 2, static (object? input, in FilterArgs a, RenderContext c) =>
            Select(input, a[0], a.Count > 1, a[1]).FirstOrDefault(m => m.Matched).Item));
        add(Def("find_index", 1, 2, static (object? input, in FilterArgs a, RenderContext c) => FindIndex(Select(input, a[0], a.Count > 1, a[1]))));
        add(Def("has", 1, 2, static (object? input, in FilterArgs a, RenderContext c) =>
            Boxes.Bool(Select(input, a[0], a.Count > 1, a[1]).Any(m => m.Matched))));
    }

    /// <summary>
    /// Reads <paramref name="key"/> from an item the way Ruby's item[key] does: hash keys and object
    /// properties, a substring test for strings, and an error for numbers and arrays.
    /// </summary>
    internal static object? Fetch(object? item, string key)
    {
        switch (item)
        {
            case null or bool or double or float or decimal:
                return null;
            case string s:
                return s.Contains(key, StringComparison.Ordinal) ? key : null;
        }

        if (Numbers.TryGetInteger(item, out _) || Sequences.IsArray(item))
        {
            throw new LiquidRuntimeError(LiquidErrors.CannotSelectProperty(key));
        }

        return MemberAccess.TryGetMember(item, key, out var value) ? value : null;
    }

    private static IEnumerable<(object? Item, bool Matched)> Select(object? input, object? property, bool hasTarget, object? target)
    {
        if (input is not null && !Sequences.IsArray(input) && !Sequences.IsHash(input) && input is not string)
        {
            throw new LiquidRuntimeError(LiquidErrors.NotAnArray);
        }

        var key = Text(property);
        var items = ArrayFilters.Items(input);
        var results = new List<(object?, bool)>(items.Count);
        foreach (var item in items)
        {
            var value = Fetch(item, key);
            var matched = hasTarget && target is not null ? LiquidValues.Equals(value, target) : LiquidValues.IsTruthy(value);
            results.Add((item, matched));
        }

        return results;
    }

    private static object? FindIndex(IEnumerable<(object? Item, bool Matched)> matches)
    {
        var index = 0;
        foreach (var match in matches)
        {
            if (match.Matched)
            {
                return Boxes.Int(index);
            }

            index++;
        }

        return null;
    }
}
