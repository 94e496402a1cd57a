// Translates a TOML front matter block (Hugo's "+++") into YAML line for line, so positions stay true.
using System.Text.RegularExpressions;

namespace Newsletter.Authoring;

/// <summary>
/// The subset of TOML 1.0 that front matter uses: <c>key = value</c> lines with basic or literal strings,
/// numbers, booleans, dates and inline arrays, <c>[table]</c> headers one level deep, and comments. Each TOML
/// line becomes exactly one YAML line, so YAML errors and field errors point at the line the editor wrote.
/// </summary>
public static partial class TomlFrontMatter
{
    /// <summary>Translates <paramref name="lines"/> (the block between the <c>+++</c> lines).</summary>
    /// <param name="path">The issue file, for errors.</param>
    /// <param name="lines">The TOML lines.</param>
    /// <param name="firstLine">1-based file line of <paramref name="lines"/>[0].</param>
    /// <exception cref="IssueFormatException">A line this subset does not cover (arrays of tables, multi-line strings, inline tables).</exception>
    public static string ToYaml(string path, IReadOnlyList<string> lines, int firstLine)
    {
        var yaml = new List<string>(lines.Count);
        var indent = "";
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                yaml.Add(trimmed);
                continue;
            }
            if (trimmed.StartsWith("[[", StringComparison.Ordinal))
                throw Error(path, firstLine + i, line, "TOML arrays of tables are not supported in front matter; use an inline array");
            var table = Table().Match(trimmed);
            if (table.Success)
            {
                yaml.Add(table.Groups[1].Value + ":");
                indent = "  ";
                continue;
            }
            var pair = Pair().Match(trimmed);
            if (!pair.Success)
                throw Error(path, firstLine + i, line, "expected a TOML 'key = value' line");
            var value = pair.Groups[2].Value.Trim();
            if (value.StartsWith("\"\"\"", StringComparison.Ordinal) || value.StartsWith("'''", StringComparison.Ordinal))
                throw Error(path, firstLine + i, line, "multi-line TOML strings are not supported in front matter");
            if (value.StartsWith('{'))
                throw Error(path, firstLine + i, line, "inline TOML tables are not supported in front matter; use a [table]");
            yaml.Add($"{indent}{pair.Groups[1].Value.Trim('"', '\'')}: {value}");
        }
        return string.Join('\n', yaml);
    }

    private static IssueFormatException Error(string path, int line, string text, string reason) =>
        new(new SourcePosition(path, line, 1, text), reason);

    [GeneratedRegex(@"^\[\s*([A-Za-z0-9_-]+)\s*\]\s*(#.*)?$")]
    private static partial Regex Table();

    [GeneratedRegex(@"^(""[^""]+""|'[^']+'|[A-Za-z0-9_-]+)\s*=\s*(.+)$")]
    private static partial Regex Pair();
}
