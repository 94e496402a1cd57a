// Which part of a display name is the given name a greeting uses, in either order people write names.
namespace Newsletter.Audience;

/// <summary>
/// Splits a display name into given and family name when the list has no <c>first_name</c> / <c>last_name</c> of
/// its own. "Grace Hopper" is given name first; "Hopper, Grace" (directories, address books and CSV exports write
/// family name, comma, given names) is family name first. A comma followed only by a suffix ("King, Jr.",
/// "Hopper, PhD") does not reverse the order, and a leading title ("Dr. Grace Hopper") is not a given name; a title
/// with one name after it ("Dr. Hopper") leaves no given name, so a greeting falls back to its default.
/// </summary>
public static class PersonName
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
        { "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sir", "dame", "rev" };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
        { "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq" };

    /// <summary>The first given name in <paramref name="name"/>, e.g. "Grace" for "Grace Hopper" and for "Hopper, Grace"; null when there is none.</summary>
    public static string? First(string? name) => Split(name).Given;

    /// <summary>The family name in <paramref name="name"/>: "Hopper" for "Hopper, Grace" and "Grace Hopper" (everything after the given name); null when there is none.</summary>
    public static string? Last(string? name) => Split(name).Family;

    private static (string? Given, string? Family) Split(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return (null, null);
        var parts = name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        while (parts.Count > 1 && IsSuffix(parts[^1])) parts.RemoveAt(parts.Count - 1);
        if (parts.Count == 0) return (null, null);
        if (parts.Count > 1)
        {
            var given = WithoutTitle(Words(parts[1]));
            return (given.Length > 0 ? given[0] : null, parts[0]);
        }
        var words = Words(parts[0]);
        var rest = WithoutTitle(words);
        if (rest.Length == words.Length - 1 && rest.Length == 1) return (null, rest[0]);
        return rest.Length switch
        {
            0 => (null, null),
            1 => (rest[0], null),
            _ => (rest[0], string.Join(' ', rest[1..])),
        };
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string[] WithoutTitle(string[] words) => words.Length > 0 && Titles.Contains(words[0].TrimEnd('.')) ? words[1..] : words;

    private static bool IsSuffix(string part) => Suffixes.Contains(part.Replace(".", "", StringComparison.Ordinal));
}
