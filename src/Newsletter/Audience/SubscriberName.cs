// The rules a subscriber's display name follows, wherever it comes from: import, the command line or the sign-up form.
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Newsletter.Audience;

/// <summary>
/// Validates display names. A name is printed in emails, terminals, spreadsheets and web pages, so it may not hold
/// control characters (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F: terminal escapes, line breaks that forge rows), may
/// not exceed <see cref="MaxLength"/> characters, and no word (a run without white space) may exceed
/// <see cref="MaxWordLength"/>, which would break every layout it is shown in. Blank names are no name.
/// </summary>
public static class SubscriberName
{
    /// <summary>The longest name, in Unicode scalar values (characters), after trimming.</summary>
    public const int MaxLength = 200;

    /// <summary>The longest run of characters without white space; real family names stay well below it.</summary>
    public const int MaxWordLength = 64;

    /// <summary>Checks <paramref name="name"/> (null and blank pass); on failure <paramref name="reason"/> says why, in words a person can act on.</summary>
    public static bool TryValidate(string? name, [NotNullWhen(false)] out string? reason)
    {
        reason = Check(name);
        return reason is null;
    }

    /// <summary>The name as stored: trimmed, or null when blank.</summary>
    /// <exception cref="InputException">The name breaks a rule; the message says which.</exception>
    public static string? Normalize(string? name) =>
        TryValidate(name, out var reason) ? (string.IsNullOrWhiteSpace(name) ? null : name.Trim()) : throw new InputException(reason);

    private static string? Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = name.Trim();
        var length = 0;
        var word = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            length++;
            if (Rune.IsControl(rune))
                return $"the name contains the control character U+{rune.Value:X4} at character {length}; names are plain text";
            word = Rune.IsWhiteSpace(rune) ? 0 : word + 1;
            if (word > MaxWordLength) return $"the name has a word longer than {MaxWordLength} characters (at character {length - MaxWordLength})";
            if (length > MaxLength) return $"the name is longer than {MaxLength} characters";
        }
        return null;
    }
}
