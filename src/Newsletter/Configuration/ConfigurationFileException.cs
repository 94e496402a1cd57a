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
        var inner = error.InnerException ?? error;
        var match = JsonPosition().Match(inner.Message);
        var line = match.Success ? int.Parse(match.Groups[1].Value) + 1 : 0;
        var column = match.Success ? int.Parse(match.Groups[2].Value) + 1 : 0;
        var reason = inner.Message.Split(" LineNumber:")[0].Split(" Path:")[0].Trim();
        return new ConfigurationFileException(path, line, column, reason);
    }

    [GeneratedRegex(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)")]
    private static partial Regex JsonPosition();
}
