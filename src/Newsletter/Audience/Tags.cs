// Tag names as editors write them in CSV cells, on the command line and in segments.
using System.Diagnostics.CodeAnalysis;

namespace Newsletter.Audience;

/// <summary>
/// A tag is 1–64 letters, digits or <c>- _ . / +</c>, compared case-insensitively and stored lower-case.
/// A CSV <c>tags</c> cell lists several, separated by spaces, commas or semicolons (<c>rust; beginner</c>).
/// </summary>
public static class Tags
{
    private static readonly char[] Separators = [' ', ',', ';', '\t'];

    /// <summary>Splits and checks a list of tags; on failure <paramref name="reason"/> names the bad tag.</summary>
    public static bool TryParseList(string? text, [NotNullWhen(true)] out IReadOnlyList<string>? tags, [NotNullWhen(false)] out string? reason)
    {
        var result = new List<string>();
        tags = null;
        reason = null;
        foreach (var part in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryNormalize(part, out var tag, out reason)) return false;
            if (!result.Contains(tag)) result.Add(tag);
        }
        tags = result;
        return true;
    }

    /// <summary>Checks one tag and returns it lower-case.</summary>
    public static bool TryNormalize(string text, [NotNullWhen(true)] out string? tag, [NotNullWhen(false)] out string? reason)
    {
        tag = null;
        reason = null;
        if (text.Length is 0 or > 64) reason = $"the tag '{text}' must be 1 to 64 characters";
        else if (!text.All(IsTagChar)) reason = $"the tag '{text}' may contain only letters, digits and - _ . / +";
        if (reason is not null) return false;
        tag = text.ToLowerInvariant();
        return true;
    }

    /// <summary>True for characters a tag may contain.</summary>
    public static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '+';
}
