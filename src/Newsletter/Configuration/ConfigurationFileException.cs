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
