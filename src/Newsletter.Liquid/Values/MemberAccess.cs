// Reads properties, keys and indexes from any supported model value without copying it.
using System.Collections;
using System.Text.Json;

namespace Newsletter.Liquid.Values;

internal static class MemberAccess
{
    public static bool TryGetMember(object? target, string key, out object? value)
    {
        switch (target)
        {
            case null:
                value = null;
                return false;
            case ILiquidObject drop:
                return drop.TryGet(key, out value);
            case IDictionary<string, object?> dict:
                if (dict.TryGetValue(key, out value))
                {
                    return true;
                }

                break;
            case JsonElement json:
                if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(key, out var property))
                {
                    value = JsonValues.FromElement(property);
                    return true;
                }

                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                if (readOnly.TryGetValue(key, out value))
                {
                    return true;
                }

                break;
            case IDictionary legacy:
                if (legacy.Contains(key))
                {
                    value = legacy[key];
                    return true;
                }

                break;
            case string:
            case IEnumerable:
                break;
            default:
                if (!IsScalar(target) && TypeAccessor.For(target.GetType()).TryGet(target, key, out value))
                {
                    return true;
                }

                break;
        }

        return TryGetCommand(target, key, out value);
    }

    public static bool TryGetIndex(object? target, object? index, out object? value)
    {
        if (index is string key)
        {
            return TryGetMember(target, key, out value);
        }

        if (Numbers.TryGetInteger(index, out var i))
        {
            switch (target)
            {
                case IList list:
                    return TryGetAt(list.Count, i, out var position) ? Found(list[position], out value) : NotFound(out value);
                case JsonElement { ValueKind: JsonValueKind.Array } array:
                    var length = array.GetArrayLength();
                    return TryGetAt(length, i, out position) ? Found(JsonValues.FromElement(array[position]), out value) : NotFound(out value);
                case IDictionary legacy when legacy.Contains(index!):
                    value = legacy[index!];
                    return true;
                case IReadOnlyList<object?> readOnlyList:
                    return TryGetAt(readOnlyList.Count, i, out position) ? Found(readOnlyList[position], out value) : NotFound(out value);
            }
        }

        return NotFound(out value);
    }

    private static bool TryGetCommand(object target, string key, out object? value)
    {
        // size/first/last work on arrays (and size on strings and hashes) when no real key has that name.
        switch (key)
        {
            case "size" when Numbers.TryGetInteger(target, out _):
                // Ruby's Integer#size is its width in bytes; the size filter agrees.
                value = Boxes.Int(8);
                return true;
            case "size":
                var size = Sequences.Size(target);
                if (size >= 0)
                {
                    value = Boxes.Int(size);
                    return true;
                }

                break;
            case "first" when Sequences.IsHash(target):
                var pairs = Sequences.AsList(target)!;
                value = pairs.Count > 0 ? pairs[0] : null;
                return true;
            case "first" when Sequences.IsArray(target):
                var items = Sequences.ToList(target);
                value = items.Count > 0 ? items[0] : null;
                return true;
            case "last" when Sequences.IsArray(target):
                items = Sequences.ToList(target);
                value = items.Count > 0 ? items[^1] : null;
                return true;
        }

        value = null;
        return false;
    }

    private static bool IsScalar(object value) =>
        value is bool or DateTime or DateTimeOffset or EmptyValue or BlankValue || Numbers.IsNumber(value);

    private static bool TryGetAt(int count, long index, out int position)
    {
        if (index < 0)
        {
            index += count;
        }

        position = (int)index;
        return index >= 0 && index < count;
    }

    private static bool Found(object? item, out object? value)
    {
        value = item;
        return true;
    }

    private static bool NotFound(out object? value)
    {
        value = null;
        return false;
    }
}
