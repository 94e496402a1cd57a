// Formats doubles the way Ruby's Float#to_s does, so output matches Shopify Liquid ("1.0", "1.0e+16").
using System.Globalization;

namespace Newsletter.Liquid.Values;

internal static class RubyFloat
{
    /// <summary>Longest possible result: sign, 17 digits, "0." and 3 leading zeros, or an exponent.</summary>
    public const int MaxLength = 32;

    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Format(value, buffer)]);
    }

    /// <summary>Writes the Ruby form of <paramref name="value"/> into <paramref name="destination"/> (at least <see cref="MaxLength"/> long).</summary>
    public static int Format(double value, Span<char> destination)
    {
        if (double.IsNaN(value))
        {
            return Copy("NaN", destination);
        }

        if (double.IsInfinity(value))
        {
            return Copy(value > 0 ? "Infinity" : "-Infinity", destination);
        }

        if (value == 0)
        {
            return Copy(double.IsNegative(value) ? "-0.0" : "0.0", destination);
        }

        // "R" is the shortest round-trip form, which is what Ruby prints; only its layout differs.
        Span<char> r = stackalloc char[MaxLength];
        value.TryFormat(r, out var written, "R", CultureInfo.InvariantCulture);
        r = r[..written];
        var negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }

        var e = r.IndexOfAny('E', 'e');
        var mantissa = e >= 0 ? r[..e] : r;
        var exp10 = e >= 0 ? int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

        // Collect the significant digits and the decimal point position relative to them (Ruby's "decpt").
        Span<char> digits = stackalloc char[MaxLength];
        var count = 0;
        var exponent = 0;
        var seenDot = false;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                seenDot = true;
                continue;
            }

            if (count == 0 && c == '0')
            {
                if (seenDot)
                {
                    exponent--;
                }

                continue;
            }

            digits[count++] = c;
            if (!seenDot)
            {
                exponent++;
            }
        }

        exponent += exp10;
        while (count > 1 && digits[count - 1] == '0')
        {
            count--;
        }

        var sig = digits[..count];
        var n = 0;
        if (negative)
        {
            destination[n++] = '-';
        }

        if (exponent > 0 && exponent <= 16)
        {
            if (count <= exponent)
            {
                sig.CopyTo(destination[n..]);
                n += count;
                destination.Slice(n, exponent - count).Fill('0');
                n += exponent - count;
                n += Copy(".0", destination[n..]);
            }
            else
            {
                sig[..exponent].CopyTo(destination[n..]);
                n += exponent;
                destination[n++] = '.';
                sig[exponent..].CopyTo(destination[n..]);
                n += count - exponent;
            }
        }
        else if (exponent <= 0 && exponent > -4)
        {
            n += Copy("0.", destination[n..]);
            destination.Slice(n, -exponent).Fill('0');
            n += -exponent;
            sig.CopyTo(destination[n..]);
            n += count;
        }
        else
        {
            destination[n++] = sig[0];
            destination[n++] = '.';
            if (count > 1)
            {
                sig[1..].CopyTo(destination[n..]);
                n += count - 1;
            }
            else
            {
                destination[n++] = '0';
            }

            var exp = exponent - 1;
            destination[n++] = 'e';
            destination[n++] = exp < 0 ? '-' : '+';
            Math.Abs(exp).TryFormat(destination[n..], out var expWritten, "00", CultureInfo.InvariantCulture);
            n += expWritten;
        }

        return n;
    }

    private static int Copy(string text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The nearest double; the built-in decimal-to-double conversion can be off by one unit in the last place.</summary>
    public static double ToDouble(decimal value)
    {
        // Exact fast path: a mantissa below 2^53 divided by an exactly representable power of ten is
        // correctly rounded by IEEE division.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && (uint)bits[1] < (1u << 21) && scale < PowersOfTen.Length)
        {
            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            var result = mantissa / PowersOfTen[scale];
            return bits[3] < 0 ? -result : result;
        }

        Span<char> text = stackalloc char[40];
        return value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture)
            ? double.Parse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture)
            : (double)value;
    }

    /// <summary>A float widened to the double with the same shortest text, so 0.1f prints as 0.1.</summary>
    public static double FromSingle(float value)
    {
        Span<char> text = stackalloc char[MaxLength];
        return value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture)
            ? double.Parse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture)
            : value;
    }

    public static bool TryToDecimal(double value, out decimal result)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 7.9e27)
        {
            result = 0;
            return false;
        }

        // Fast path: the built-in conversion keeps 15 significant digits, which is the shortest form whenever
        // it converts back to the same double.
        var rounded = (decimal)value;
        if (ToDouble(rounded) == value)
        {
            result = rounded;
            return true;
        }

        // The shortest text form gives the decimal a human would read, like Ruby's BigDecimal(float.to_s).
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture))
        {
            result = 0;
            return false;
        }

        return decimal.TryParse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }
}
