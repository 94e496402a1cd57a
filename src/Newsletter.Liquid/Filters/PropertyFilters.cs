// Filters that select array items by a property: where, reject, find, find_index and has.
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static class PropertyFilters
{
    private enum Mode
    {
        Where,
        Reject,
        Find,
        FindIndex,
        Has,
    }

    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("where", 1, 2, static (object? input, in FilterArgs a, RenderContext c) => Run(input, a, Mode.Where)));
        add(Def("reject", 1, 2, static (object? input, in FilterArgs a, RenderContext c) => Run(input, a, Mode.Reject)));
        add(Def("find", 1, 2, static (object? input, in FilterArgs a, RenderContext c) => Run(input, a, Mode.Find)));
        add(Def("find_index", 1, 2, static (object? input, in FilterArgs a, RenderContext c) => Run(input, a, Mode.FindIndex)));
        add(Def("has", 1, 2, static (object? input, in FilterArgs a, RenderContext c) => Run(input, a, Mode.Has)));
    }

    /// <summary>Items that have no [] at all in Ruby (nil, booleans, floats), as opposed to ones that reject a key.</summary>
    internal static bool IsUnindexable(object? item) => item is null or bool or double or float or decimal;

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

    private static object? Run(object? input, in FilterArgs args, Mode mode)
    {
        var key = Text(args[0]);
        var target = args.Count > 1 ? args[1] : null;
        var items = ArrayFilters.Items(input);
        var selected = mode is Mode.Where or Mode.Reject ? new List<object?>(items.Count) : null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];

            // Ruby Liquid gives up with nil when an item cannot be indexed at all (nil, booleans, floats).
            if (IsUnindexable(item))
            {
                return null;
            }

            var value = Fetch(item, key);
            var matched = target is not null ? LiquidValues.Equals(value, target) : LiquidValues.IsTruthy(value);
            switch (mode)
            {
                case Mode.Where when matched:
                case Mode.Reject when !matched:
                    selected!.Add(item);
                    break;
                case Mode.Find when matched:
                    return item;
                case Mode.FindIndex when matched:
                    return Boxes.Int(i);
                case Mode.Has when matched:
                    return Boxes.True;
            }
        }

        return mode switch
        {
            Mode.Has => Boxes.False,
            Mode.Where or Mode.Reject => selected,
            _ => null,
        };
    }
}
