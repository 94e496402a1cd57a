// Formats doubles the way Ruby's Float#to_s does, so output matches Shopify Liquid ("1.0", "1.0e+16").
using System.Globalization;
using System.Text;

namespace Newsletter.Liquid.Values;

internal static class RubyFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "E16" is not shortest; "R" is the shortest round-trip form, which is what Ruby prints.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }

        string digits;
        int exponent;
        var e = r.IndexOfAny(['E', 'e']);
        var mantissa = e >= 0 ? r[..e] : r;
        var exp10 = e >= 0 ? int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        if (dot >= 0)
        {
            digits = mantissa[..dot] + mantissa[(dot + 1)..];
            exponent = dot + exp10;
        }
        else
        {
            digits = mantissa;
            exponent = mantissa.Length + exp10;
        }

        var trimmed = digits.TrimStart('0');
        exponent -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        // exponent is the position of the decimal point relative to the digits (Ruby's "decpt").
        var sb = new StringBuilder(24);
        if (negative)
        {
            sb.Append('-');
        }

        if (exponent > 0 && exponent <= 16)
        {
            if (digits.Length <= exponent)
            {
                sb.Append(digits).Append('0', exponent - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, exponent).Append('.').Append(digits, exponent, digits.Length - exponent);
            }
        }
        else if (exponent <= 0 && exponent > -4)
        {
            sb.Append("0.").Append('0', -exponent).Append(digits);
        }
        else
        {
            sb.Append(digits[0]).Append('.');
            sb.Append(digits.Length > 1 ? digits[1..] : "0");
            var exp = exponent - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>The nearest double; the built-in decimal-to-double conversion can be off by one unit in the last place.</summary>
    public static double ToDouble(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool TryToDecimal(double value, out decimal result)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 7.9e27)
        {
            result = 0;
            return false;
        }

        // Going through the shortest text form gives the decimal a human would read, like Ruby's BigDecimal(float.to_s).
        return decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }
}
