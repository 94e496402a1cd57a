// The base of every error the product reports to a person: a position plus a reason.
namespace Newsletter;

/// <summary>A place in a source file: path, 1-based line and column (0 when unknown), and the line's text.</summary>
/// <param name="Path">File path as the user gave it or as found on disk.</param>
/// <param name="Line">1-based line; 0 when the error is about the whole file.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="SourceLine">The text of that line, quoted under the message when known.</param>
public sealed record SourcePosition(string Path, int Line, int Column, string? SourceLine = null)
{
    /// <summary>No place in any file: the error is about a value given on the command line, in a setting or in a form.</summary>
    public static SourcePosition None { get; } = new("", 0, 0);

    /// <summary>Formats as <c>path(line,col)</c>, <c>path(line)</c> or <c>path</c>, the MSBuild convention editors link.</summary>
    /// <remarks>A file a person named on the command line is shown as they typed it, whatever path read it.</remarks>
    public override string ToString()
    {
        var path = Configuration.RunEnvironment.Current.AsGiven(Path);
        return Line <= 0 ? path : Column <= 0 ? $"{path}({Line})" : $"{path}({Line},{Column})";
    }
}

/// <summary>
/// An error in user input (issue file, template, CSV, configuration, a command-line argument). Its message reads
/// <c>path(line,col): reason</c>, followed by the quoted source line and a caret when known, or the reason alone when
/// the input has no position (<see cref="SourcePosition.None"/>, see <see cref="InputException"/>).
/// </summary>
/// <remarks>
/// Corrupt data the program wrote itself (stored text in the database, a token it signed) is not the user's mistake
/// and is reported as <see cref="InvalidDataException"/> instead.
/// </remarks>
public class NewsletterException : Exception
{
    /// <summary>Creates an error at <paramref name="position"/>.</summary>
    public NewsletterException(SourcePosition position, string reason, Exception? inner = null)
        : base(Format(position, reason), inner)
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>Creates an error about input that has no position in a file; the message is <paramref name="reason"/>.</summary>
    protected NewsletterException(string reason, Exception? inner = null)
        : base(reason, inner)
    {
        Position = SourcePosition.None;
        Reason = reason;
    }

    /// <summary>Where the error is; <see cref="SourcePosition.None"/> when the input has no position.</summary>
    public SourcePosition Position { get; }

    /// <summary>The reason without the position prefix.</summary>
    public string Reason { get; }

    private static string Format(SourcePosition p, string reason)
    {
        var head = $"{p}: {reason}";
        if (p.SourceLine is null) return head;
        var caret = p.Column > 0 ? "\n  " + new string(' ', Math.Max(0, p.Column - 1)) + "^" : "";
        return $"{head}\n  {p.SourceLine.TrimEnd()}{caret}";
    }
}
