// Chooses and compiles the segment of a send: `--segment` wins over the issue's `segment:` front matter.
using Newsletter.Authoring;

namespace Newsletter.Audience.Segments;

/// <summary>Resolves the audience of one send; errors in front matter point at the issue file's <c>segment:</c> line.</summary>
public static class IssueSegment
{
    /// <summary>The compiled segment, or null to send to every active subscriber.</summary>
    /// <param name="issue">The issue, whose <c>segment:</c> applies when no command-line segment is given.</param>
    /// <param name="commandLineSegment">The <c>--segment</c> expression, or null.</param>
    /// <param name="fieldExists">Whether some subscriber has a custom field of that name; a segment naming another is an error.</param>
    /// <exception cref="SegmentException">The expression is malformed or names an unknown field.</exception>
    public static CompiledSegment? Resolve(Issue issue, string? commandLineSegment, Func<string, bool> fieldExists)
    {
        if (!string.IsNullOrWhiteSpace(commandLineSegment)) return CompiledSegment.Compile(commandLineSegment, "--segment", fieldExists);
        if (issue.Segment is not { } expression) return null;
        try
        {
            return CompiledSegment.Compile(expression, issue.SourcePath, fieldExists);
        }
        catch (SegmentException e)
        {
            throw InFile(issue, expression, e);
        }
    }

    // The front matter holds the expression on its `segment:` line; shift the column to where it starts there.
    private static SegmentException InFile(Issue issue, string expression, SegmentException e)
    {
        var lines = File.Exists(issue.SourcePath) ? File.ReadAllLines(issue.SourcePath) : [];
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("segment:", StringComparison.OrdinalIgnoreCase));
        if (index < 0) return e;
        var offset = lines[index].IndexOf(expression, StringComparison.Ordinal);
        var column = offset < 0 ? 0 : offset + e.Position.Column;
        return new SegmentException(new SourcePosition(issue.SourcePath, index + 1, column, lines[index]), e.Reason);
    }
}
