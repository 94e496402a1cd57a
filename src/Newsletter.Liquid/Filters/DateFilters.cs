// The date filter: converts timestamps, date strings, "now"/"today" and date values, then applies strftime.
using System.Globalization;
using System.Text.RegularExpressions;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;
using static Newsletter.Liquid.Filters.FilterHelpers;

namespace Newsletter.Liquid.Filters;

internal static partial class DateFilters
{
    public static void Register(Action<FilterDefinition> add)
    {
        add(Def("date", 1, 1, static (object? input, in FilterArgs a, RenderContext c) => Date(input, a[0], c)));
    }

    private static object? Date(object? input, object? formatArg, RenderContext context)
    {
        var format = Text(formatArg);
        if (format.Length == 0)
        {
            return input;
        }

        return TryToDate(input, context.State, out var time)
            ? Strftime.Format(time, format, context.Options.Culture)
            : input;
    }

    /// <summary>
    /// Dates without an offset (strings, unspecified/local DateTime) are wall-clock times in the render's time zone;
    /// UTC DateTime values and timestamps are converted to that zone; DateTimeOffset keeps its own offset.
    /// </summary>
    internal static bool TryToDate(object? input, RenderState state, out DateTimeOffset result)
    {
        var zone = state.TimeZone;
        switch (input)
        {
            case DateTimeOffset dto:
                result = dto;
                return true;
            case DateTime { Kind: DateTimeKind.Utc } utc:
                result = TimeZoneInfo.ConvertTime(new DateTimeOffset(utc), zone);
                return true;
            case DateTime local:
                result = InZone(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
                return true;
            case string s:
                return TryParse(s, state, out result);
        }

        if (Numbers.TryGetInteger(input, out var seconds))
        {
            return FromUnix(seconds, zone, out result);
        }

        result = default;
        return false;
    }

    private static bool TryParse(string text, RenderState state, out DateTimeOffset result)
    {
        var s = text.Trim();
        result = default;
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Equals("now", StringComparison.OrdinalIgnoreCase) || s.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            result = state.Now;
            return true;
        }

        if (s.All(char.IsAsciiDigit))
        {
            return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && FromUnix(seconds, state.TimeZone, out result);
        }

        // Ruby reads "05/01/2021" day first; .NET's invariant culture would read it month first.
        if (DayFirstDate().Match(s) is { Success: true } dayFirst)
        {
            s = $"{dayFirst.Groups[3].Value}-{dayFirst.Groups[2].Value}-{dayFirst.Groups[1].Value}{dayFirst.Groups[4].Value}";
        }

        // .NET does not know the "UTC" suffix that Ruby's Time#to_s produces.
        if (s.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^4] + " +00:00";
        }

        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        result = ExplicitOffset().IsMatch(s) ? parsed : InZone(parsed.DateTime, state.TimeZone);
        return true;
    }

    private static DateTimeOffset InZone(DateTime clock, TimeZoneInfo zone) =>
        new(clock, zone.IsInvalidTime(clock) ? zone.BaseUtcOffset : zone.GetUtcOffset(clock));

    private static bool FromUnix(long seconds, TimeZoneInfo zone, out DateTimeOffset result)
    {
        try
        {
            result = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), zone);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            result = default;
            return false;
        }
    }

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d|\b(UTC|GMT))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})(.*)$", RegexOptions.Singleline)]
    private static partial Regex DayFirstDate();
}
