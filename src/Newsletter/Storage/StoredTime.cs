// Timestamps as stored: ISO 8601 UTC text that sorts the way time does.
using System.Globalization;

namespace Newsletter.Storage;

/// <summary>Formats and parses the UTC timestamps stored in SQLite (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, ISO 8601).</summary>
public static class StoredTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Formats <paramref name="time"/> in UTC.</summary>
    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a stored timestamp.</summary>
    /// <exception cref="InvalidDataException">Not a timestamp: the database holds what this program never writes.</exception>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new InvalidDataException($"the database holds '{text}' where a timestamp belongs");
}
