// A configuration file error that points at the file, line and column.
using System.Text.RegularExpressions;

namespace Newsletter.Configuration;

/// <summary>Raised when <c>newsletter.json</c> is missing or malformed.</summary>
public sealed partial class ConfigurationFileException : NewsletterException
{
    /// <summary>Creates the error; <paramref name="line"/> and <paramref name="column"/> are 1-based, 0 when unknown.</summary>
    public ConfigurationFileException(string path, int line, int column, string reason)
        : base(new SourcePosition(path, line, column), reason)
    {
    }

    /// <summary>
    /// An error about one setting: the message names it, and the position is the line of its key in the file when the
    /// file holds it (or the environment variable that overrides it, which then wins).
    /// </summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="setting">The key as documented, e.g. <c>baseUrl</c>.</param>
    /// <param name="reason">What is wrong and what would be right.</param>
    public static ConfigurationFileException ForSetting(string path, string setting, string reason)
    {
        // A setting of a section ("design.accent") is "accent" in the file and NEWSLETTER__DESIGN__ACCENT in the environment.
        var variable = "NEWSLETTER__" + setting.ToUpperInvariant().Replace(".", "__", StringComparison.Ordinal);
        var key = setting[(setting.LastIndexOf('.') + 1)..];
        if (RunEnvironment.Current.Variable(variable) is not null)
            return new ConfigurationFileException(path, 0, 0, $"'{setting}' (set by {variable}) {reason}", null);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf('"' + key + '"', StringComparison.OrdinalIgnoreCase);
            if (column >= 0) return new ConfigurationFileException(path, i + 1, column + 1, $"'{setting}' {reason}", lines[i]);
        }
        return new ConfigurationFileException(path, 0, 0, $"'{setting}' {reason}", null);
    }

    /// <summary>Wraps a JSON reader error, lifting its line and byte position into the message prefix.</summary>
    public static ConfigurationFileException FromJsonError(string path, Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is System.Text.Json.JsonException { LineNumber: { } line } json)
            {
                var reason = JsonPosition().Replace(json.Message, "").Trim().TrimEnd('.');
                return new ConfigurationFileException(path, (int)line + 1, (int)(json.BytePositionInLine ?? 0) + 1,
                    "not valid JSON: " + reason, SourceLine(path, (int)line + 1));
            }
        }
        return new ConfigurationFileException(path, 0, 0, "not valid JSON: " + (error.InnerException ?? error).Message);
    }

    private ConfigurationFileException(string path, int line, int column, string reason, string? sourceLine)
        : base(new SourcePosition(path, line, column, sourceLine), reason)
    {
    }

    private static string? SourceLine(string path, int line)
    {
        var lines = File.ReadAllLines(path);
        return line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonPosition();
}
