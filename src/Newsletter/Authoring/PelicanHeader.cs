// Recognises Pelican-style "Key: value" header lines and translates them into YAML line for line.
using System.Text.RegularExpressions;

namespace Newsletter.Authoring;

/// <summary>
/// Pelican and Python-Markdown "meta-data": the file starts with <c>Key: value</c> lines (one of them
/// <c>Title</c>) and a blank line ends them. Keys are case-insensitive; values are plain text.
/// </summary>
public static partial class PelicanHeader
{
    /// <summary>The number of header lines at the start of <paramref name="lines"/>, or 0 when there is no such header.</summary>
    public static int Length(IReadOnlyList<string> lines)
    {
        var count = 0;
        while (count < lines.Count && HeaderLine().IsMatch(lines[count].TrimEnd('\r'))) count++;
        var endsWell = count == lines.Count || lines[count].Trim().Length == 0;
        var hasTitle = lines.Take(count).Any(l => l.TrimStart('\uFEFF').StartsWith("title:", StringComparison.OrdinalIgnoreCase));
        return count > 0 && endsWell && hasTitle ? count : 0;
    }

    /// <summary>Translates the first <paramref name="count"/> lines into YAML, one line each, values quoted.</summary>
    public static string ToYaml(IReadOnlyList<string> lines, int count) => string.Join('\n', lines.Take(count).Select(line =>
    {
        var match = HeaderLine().Match(line.TrimEnd('\r'));
        var key = match.Groups[1].Value.Trim().ToLowerInvariant().Replace(' ', '_');
        var value = match.Groups[2].Value.Trim().Replace("\\", "\\\\").Replace("\"", "\\\"");
        return $"{key}: \"{value}\"";
    }));

    [GeneratedRegex(@"^\uFEFF?([A-Za-z][A-Za-z0-9_ -]{0,30}):\s*(.*)$")]
    private static partial Regex HeaderLine();
}
