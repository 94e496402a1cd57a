// Ruby-compatible strftime: directives, flags (- _ 0 ^ #) and widths, over DateTimeOffset.
using System.Globalization;
using System.Text;

namespace Newsletter.Liquid.Filters;

internal static class Strftime
{
    public static string Format(DateTimeOffset time, string format, IFormatProvider culture)
    {
        var names = (culture as CultureInfo)?.DateTimeFormat ?? CultureInfo.InvariantCulture.DateTimeFormat;
        var sb = new StringBuilder(format.Length + 16);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }

            var start = i;
            i++;
            var flags = string.Empty;
            while (i < format.Length && format[i] is '-' or '_' or '0' or '^' or '#')
            {
                flags += format[i];
                i++;
            }

            var width = -1;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                width = (width < 0 ? 0 : width * 10) + (format[i] - '0');
                i++;
            }

            var colons = 0;
            while (i < format.Length && format[i] == ':')
            {
                colons++;
                i++;
            }

            if (i >= format.Length)
            {
                sb.Append(format, start, format.Length - start);
                break;
            }

            var piece = Directive(time, format[i], flags, width, colons, names, culture);
            if (piece is null)
            {
                sb.Append(format, start, i - start + 1);
            }
            else
            {
                sb.Append(piece);
            }
        }

        return sb.ToString();
    }

    private static string? Directive(DateTimeOffset t, char directive, string flags, int width, int colons, DateTimeFormatInfo names, IFormatProvider culture)
    {
        switch (directive)
        {
            case 'Y': return Number(t.Year, flags, width, 1, '0');
            case 'C': return Number(t.Year / 100, flags, width, 2, '0');
            case 'y': return Number(t.Year % 100, flags, width, 2, '0');
            case 'm': return Number(t.Month, flags, width, 2, '0');
            case 'd': return Number(t.Day, flags, width, 2, '0');
            case 'e': return Number(t.Day, flags, width, 2, ' ');
            case 'j': return Number(t.DayOfYear, flags, width, 3, '0');
            case 'H': return Number(t.Hour, flags, width, 2, '0');
            case 'k': return Number(t.Hour, flags, width, 2, ' ');
            case 'I': return Number(Hour12(t), flags, width, 2, '0');
            case 'l': return Number(Hour12(t), flags, width, 2, ' ');
            case 'M': return Number(t.Minute, flags, width, 2, '0');
            case 'S': return Number(t.Second, flags, width, 2, '0');
            case 'L': return Number(t.Millisecond, flags, width, 3, '0');
            case 'N': return Text((t.Ticks % TimeSpan.TicksPerSecond * 100).ToString("000000000", CultureInfo.InvariantCulture)[..Math.Clamp(width < 0 ? 9 : width, 1, 9)], flags, -1);
            case 's': return Number(t.ToUnixTimeSeconds(), flags, width, 1, '0');
            case 'u': return Number(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek, flags, width, 1, '0');
            case 'w': return Number((int)t.DayOfWeek, flags, width, 1, '0');
            case 'U': return Number((t.DayOfYear + 6 - (int)t.DayOfWeek) / 7, flags, width, 2, '0');
            case 'W': return Number((t.DayOfYear + 6 - (((int)t.DayOfWeek + 6) % 7)) / 7, flags, width, 2, '0');
            case 'G': return Number(ISOWeek.GetYear(t.DateTime), flags, width, 1, '0');
            case 'g': return Number(ISOWeek.GetYear(t.DateTime) % 100, flags, width, 2, '0');
            case 'V': return Number(ISOWeek.GetWeekOfYear(t.DateTime), flags, width, 2, '0');
            case 'a': return Text(names.GetAbbreviatedDayName(t.DayOfWeek), flags, width);
            case 'A': return Text(names.GetDayName(t.DayOfWeek), flags, width);
            case 'b' or 'h': return Text(names.GetAbbreviatedMonthName(t.Month), flags, width);
            case 'B': return Text(names.GetMonthName(t.Month), flags, width);
            case 'p': return Text(t.Hour < 12 ? "AM" : "PM", flags.Contains('#') ? flags.Replace("#", string.Empty) + "L" : flags, width);
            case 'P': return Text(t.Hour < 12 ? "am" : "pm", flags, width);
            case 'z': return Text(Offset(t.Offset, colons), flags, width);
            case 'Z': return Text(t.Offset == TimeSpan.Zero ? "UTC" : Offset(t.Offset, 0), flags, width);
            case 'c': return Text(Format(t, "%a %b %e %H:%M:%S %Y", culture), flags, width);
            case 'D' or 'x': return Text(Format(t, "%m/%d/%y", culture), flags, width);
            case 'F': return Text(Format(t, "%Y-%m-%d", culture), flags, width);
            case 'T' or 'X': return Text(Format(t, "%H:%M:%S", culture), flags, width);
            case 'R': return Text(Format(t, "%H:%M", culture), flags, width);
            case 'r': return Text(Format(t, "%I:%M:%S %p", culture), flags, width);
            case 'v': return Text(Format(t, "%e-%^b-%Y", culture), flags, width);
            case '+': return Text(Format(t, "%a %b %e %H:%M:%S %Z %Y", culture), flags, width);
            case 'n': return "\n";
            case 't': return "\t";
            case '%': return "%";
            default: return null;
        }
    }

    private static int Hour12(DateTimeOffset t) => t.Hour % 12 == 0 ? 12 : t.Hour % 12;

    private static string Number(long value, string flags, int width, int defaultWidth, char defaultPad)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var sign = value < 0 ? "-" : string.Empty;
        if (flags.Contains('-'))
        {
            return sign + digits;
        }

        var pad = flags.Contains('_') ? ' ' : flags.Contains('0') ? '0' : defaultPad;
        var total = width >= 0 ? width : defaultWidth;
        return pad == ' ' ? (sign + digits).PadLeft(total) : sign + digits.PadLeft(Math.Max(0, total - sign.Length), '0');
    }

    private static string Text(string value, string flags, int width)
    {
        if (flags.Contains('^') || flags.Contains('L'))
        {
            value = value.ToUpperInvariant();
        }
        else if (flags.Contains('#'))
        {
            value = value.Any(char.IsLower) ? value.ToUpperInvariant() : value.ToLowerInvariant();
        }

        if (width > value.Length && !flags.Contains('-'))
        {
            value = value.PadLeft(width, flags.Contains('0') ? '0' : ' ');
        }

        return value;
    }

    private static string Offset(TimeSpan offset, int colons)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        var hours = offset.Hours.ToString("00", CultureInfo.InvariantCulture);
        var minutes = offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return colons switch
        {
            0 => $"{sign}{hours}{minutes}",
            1 => $"{sign}{hours}:{minutes}",
            _ => $"{sign}{hours}:{minutes}:{offset.Seconds:00}",
        };
    }
}
