// Conversions from model values to numbers, following Ruby Liquid's to_number / to_integer rules.
using System.Globalization;
using System.Text.Json;

namespace Newsletter.Liquid.Values;

internal static class Numbers
{
    public static bool TryGetInteger(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            default: result = 0; return false;
        }
    }

    public static bool IsNumber(object? value) =>
        value is long or int or double or decimal or float or short or byte or sbyte or ushort or uint or ulong;

    /// <summary>The value as a number if it already is one (no string parsing).</summary>
    public static bool TryGetNumber(object? value, out Num result)
    {
        if (TryGetInteger(value, out var l))
        {
            result = Num.Int(l);
            return true;
        }

        switch (value)
        {
            case double d: result = Num.Float(d); return true;
            case float f: result = Num.Float(RubyFloat.FromSingle(f)); return true;
            case decimal dec: result = Num.Decimal(dec); return true;
            case ulong ul: result = Num.Float(ul); return true;
            default: result = default; return false;
        }
    }

    /// <summary>Ruby Liquid's lenient conversion: numeric strings parse, anything else is zero.</summary>
    public static Num ToNumber(object? value)
    {
        if (TryGetNumber(value, out var n))
        {
            return n;
        }

        if (value is string s)
        {
            return ParseNumber(s);
        }

        return Num.Int(0);
    }

    public static Num ParseNumber(string s)
    {
        var span = s.AsSpan().Trim();
        if (LooksLikeDecimal(span) && decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec))
        {
            return Num.Decimal(dec);
        }

        return Num.Int(LeadingInteger(span));
    }

    /// <summary>Ruby's String#to_i: optional sign and leading digits, zero when there are none.</summary>
    public static long LeadingInteger(ReadOnlySpan<char> span)
    {
        span = span.TrimStart();
        var i = 0;
        var negative = false;
        if (i < span.Length && (span[i] == '-' || span[i] == '+'))
        {
            negative = span[i] == '-';
            i++;
        }

        long result = 0;
        for (; i < span.Length && char.IsAsciiDigit(span[i]); i++)
        {
            result = unchecked((result * 10) + (span[i] - '0'));
        }

        return negative ? -result : result;
    }

    /// <summary>Ruby's Integer(): integers and integer strings only; otherwise fails.</summary>
    public static bool TryToIntegerStrict(object? value, out long result)
    {
        if (TryGetInteger(value, out result))
        {
            return true;
        }

        if (value is string s)
        {
            var span = s.AsSpan().Trim();
            return long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
        }

        if (value is JsonElement { ValueKind: JsonValueKind.Number } je && je.TryGetInt64(out result))
        {
            return true;
        }

        result = 0;
        return false;
    }

    /// <summary>Integer, float (truncated) or numeric string; used by loop parameters.</summary>
    public static bool TryToIntegerLoose(object? value, out long result)
    {
        if (TryToIntegerStrict(value, out result))
        {
            return true;
        }

        if (TryGetNumber(value, out var n))
        {
            result = (long)Math.Truncate(n.AsDouble);
            return true;
        }

        if (value is string s)
        {
            var span = s.AsSpan().Trim();
            if (LooksLikeDecimal(span) && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                result = (long)Math.Truncate(d);
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeDecimal(ReadOnlySpan<char> span)
    {
        // Matches -?\d+\.\d+ exactly.
        var i = 0;
        if (i < span.Length && span[i] == '-')
        {
            i++;
        }

        var digitsBefore = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
            digitsBefore++;
        }

        if (digitsBefore == 0 || i >= span.Length || span[i] != '.')
        {
            return false;
        }

        i++;
        var digitsAfter = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
            digitsAfter++;
        }

        return digitsAfter > 0 && i == span.Length;
    }
}
