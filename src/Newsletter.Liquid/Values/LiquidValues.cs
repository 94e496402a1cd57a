// Truthiness, equality, ordering and membership rules of Shopify Liquid, over plain CLR values.
using System.Collections;
using System.Text.Json;

namespace Newsletter.Liquid.Values;

internal static class LiquidValues
{
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        JsonElement json => json.ValueKind is not (JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined),
        _ => true,
    };

    public static bool IsEmpty(object? value) => value switch
    {
        string s => s.Length == 0,
        JsonElement json => Sequences.Size(json) == 0,
        ICollection or IDictionary<string, object?> or IReadOnlyCollection<object?> => Sequences.Size(value) == 0,
        IEnumerable e => !e.GetEnumerator().MoveNext(),
        _ => false,
    };

    public static bool IsBlank(object? value) => value switch
    {
        null => true,
        bool b => !b,
        string s => string.IsNullOrWhiteSpace(s),
        _ => IsEmpty(value),
    };

    public static new bool Equals(object? left, object? right) => Equals(left, right, 0);

    private static bool Equals(object? left, object? right, int depth)
    {
        if (right is EmptyValue or BlankValue)
        {
            (left, right) = (right, left);
        }

        switch (left)
        {
            case EmptyValue:
                return right is not (EmptyValue or BlankValue) && IsEmpty(right);
            case BlankValue:
                return right is not (EmptyValue or BlankValue) && IsBlank(right);
            case null:
                return right is null;
            case string ls:
                return right is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case bool lb:
                return right is bool rb && lb == rb;
        }

        if (right is null)
        {
            return false;
        }

        if (Numbers.TryGetNumber(left, out var ln))
        {
            return Numbers.TryGetNumber(right, out var rn) && CompareNumbers(ln, rn) == 0;
        }

        if (Sequences.IsArray(left))
        {
            if (!Sequences.IsArray(right) || depth >= Sequences.MaxDepth)
            {
                return false;
            }

            var a = Sequences.AsList(left)!;
            var b = Sequences.AsList(right)!;
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!Equals(a[i], b[i], depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        if (left is JsonElement lj && right is JsonElement rj)
        {
            return JsonElement.DeepEquals(lj, rj);
        }

        if (Sequences.IsHash(left))
        {
            return Sequences.IsHash(right) && depth < Sequences.MaxDepth && HashEquals(left, right, depth);
        }

        return left.Equals(right);
    }

    /// <summary>Ordering for &lt; &gt; &lt;= &gt;=; null when the values cannot be ordered (the comparison is false).</summary>
    /// <exception cref="InvalidOperationException">A string is compared with a number, which Ruby rejects.</exception>
    public static int? Compare(object? left, object? right)
    {
        if (left is EmptyValue or BlankValue || right is EmptyValue or BlankValue || left is null || right is null)
        {
            return null;
        }

        var leftNumber = Numbers.TryGetNumber(left, out var ln);
        var rightNumber = Numbers.TryGetNumber(right, out var rn);
        if (leftNumber && rightNumber)
        {
            return CompareNumbers(ln, rn);
        }

        if (left is string ls && right is string rs)
        {
            return Math.Sign(string.CompareOrdinal(ls, rs));
        }

        if ((left is string && rightNumber) || (leftNumber && right is string))
        {
            throw new InvalidOperationException(LiquidErrors.ComparisonFailed(TypeName(left), right));
        }

        if (left is DateTime ld && right is DateTime rd)
        {
            return ld.CompareTo(rd);
        }

        if (left is DateTimeOffset lo && right is DateTimeOffset ro)
        {
            return lo.CompareTo(ro);
        }

        return null;
    }

    public static int CompareNumbers(Num a, Num b)
    {
        if (a.IsInt && b.IsInt)
        {
            return a.I.CompareTo(b.I);
        }

        if (a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db))
        {
            return da.CompareTo(db);
        }

        return a.AsDouble.CompareTo(b.AsDouble);
    }

    public static bool Contains(object? left, object? right)
    {
        // Like Ruby Liquid, a nil or false right-hand side never matches.
        if (left is null || right is null || right is false)
        {
            return false;
        }

        if (left is string s)
        {
            return s.Contains(Formatting.ToText(right), StringComparison.Ordinal);
        }

        if (Sequences.IsHash(left))
        {
            return right is string key && MemberAccessHasKey(left, key);
        }

        if (Sequences.AsList(left) is { } list)
        {
            foreach (var item in list)
            {
                if (Equals(item, right))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HashEquals(object left, object right, int depth)
    {
        var a = Sequences.AsList(left)!;
        if (a.Count != Sequences.Size(right))
        {
            return false;
        }

        foreach (var pair in a)
        {
            var kv = (object?[])pair!;
            if (kv[0] is not string key || !MemberAccess.TryGetMember(right, key, out var value) || !Equals(kv[1], value, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    public static string TypeName(object? value) => value switch
    {
        null => "nil",
        string => "String",
        bool b => b ? "TrueClass" : "FalseClass",
        _ when Numbers.TryGetInteger(value, out _) => "Integer",
        double or float or decimal => "Float",
        _ when Sequences.IsHash(value) => "Hash",
        _ when Sequences.IsArray(value) => "Array",
        _ => value.GetType().Name,
    };

    private static bool MemberAccessHasKey(object hash, string key) => hash switch
    {
        IDictionary<string, object?> d => d.ContainsKey(key),
        IReadOnlyDictionary<string, object?> r => r.ContainsKey(key),
        IDictionary l => l.Contains(key),
        JsonElement j => j.TryGetProperty(key, out _),
        _ => false,
    };
}
