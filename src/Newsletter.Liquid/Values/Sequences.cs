// Treats lists, arrays, ranges, JSON arrays and hashes uniformly as Liquid arrays and hashes.
using System.Collections;
using System.Text.Json;

namespace Newsletter.Liquid.Values;

internal static class Sequences
{
    /// <summary>How deep nested (possibly self-containing) arrays and hashes are followed.</summary>
    public const int MaxDepth = 100;

    public static bool IsArray(object? value) => value switch
    {
        null or string => false,
        JsonElement json => json.ValueKind == JsonValueKind.Array,
        IDictionary or IDictionary<string, object?> or IReadOnlyDictionary<string, object?> => false,
        IEnumerable => true,
        _ => false,
    };

    public static bool IsHash(object? value) => value switch
    {
        JsonElement json => json.ValueKind == JsonValueKind.Object,
        IDictionary or IDictionary<string, object?> or IReadOnlyDictionary<string, object?> => true,
        _ => false,
    };

    /// <summary>The element count of an array or hash, the length of a string, or -1.</summary>
    public static int Size(object? value)
    {
        switch (value)
        {
            case string s: return s.Length;
            case ICollection c: return c.Count;
            case IDictionary<string, object?> d: return d.Count;
            case IReadOnlyCollection<object?> r: return r.Count;
            case JsonElement { ValueKind: JsonValueKind.Array } a: return a.GetArrayLength();
            case JsonElement { ValueKind: JsonValueKind.Object } o: return o.EnumerateObject().Count();
            case IEnumerable e when value is not JsonElement:
                var n = 0;
                foreach (var unused in e)
                {
                    n++;
                }

                return n;
            default: return -1;
        }
    }

    /// <summary>
    /// An indexable view of an array value; lists are returned as they are, other sequences are copied.
    /// Hashes become a list of [key, value] pairs; anything else is not a sequence (null).
    /// </summary>
    public static IList? AsList(object? value)
    {
        switch (value)
        {
            case null:
            case string:
                return null;
            case IList list:
                return list;
            case JsonElement { ValueKind: JsonValueKind.Array } json:
                return new JsonArrayView(json);
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                var pairs = new List<object?>();
                foreach (var p in json.EnumerateObject())
                {
                    pairs.Add(new object?[] { p.Name, JsonValues.FromElement(p.Value) });
                }

                return pairs;
            case JsonElement:
                return null;
            case IDictionary<string, object?> dict:
                return dict.Select(static kv => (object?)new object?[] { kv.Key, kv.Value }).ToList();
            case IReadOnlyDictionary<string, object?> dict:
                return dict.Select(static kv => (object?)new object?[] { kv.Key, kv.Value }).ToList();
            case IDictionary legacy:
                var result = new List<object?>(legacy.Count);
                foreach (DictionaryEntry entry in legacy)
                {
                    result.Add(new object?[] { entry.Key, entry.Value });
                }

                return result;
            case IEnumerable enumerable:
                return enumerable.Cast<object?>().ToList();
            default:
                return null;
        }
    }

    /// <summary>Array filters' view of their input: arrays as-is, nil as empty, a scalar or hash as one element.</summary>
    public static IList ToList(object? value)
    {
        if (value is null)
        {
            return Array.Empty<object?>();
        }

        if (IsArray(value))
        {
            return AsList(value)!;
        }

        return new object?[] { value };
    }

    public static List<object?> Flatten(object? value)
    {
        var result = new List<object?>();
        FlattenInto(value, result, 0);
        return result;
    }

    private static void FlattenInto(object? value, List<object?> result, int depth)
    {
        if (IsArray(value) && depth < MaxDepth)
        {
            foreach (var item in AsList(value)!)
            {
                FlattenInto(item, result, depth + 1);
            }
        }
        else
        {
            result.Add(value);
        }
    }
}
