// Base error type carrying the template position every Liquid error reports.
using System.Text;

namespace Newsletter.Liquid;

/// <summary>
/// An error in a Liquid template, located by template name, 1-based line and column.
/// <see cref="Exception.Message"/> reads <c>name(line,column): reason</c>, then the quoted source line and a caret.
/// </summary>
public class LiquidException : Exception
{
    /// <summary>Creates an error at a position in a template.</summary>
    /// <param name="reason">What went wrong, without position, e.g. "unknown filter 'upcse'".</param>
    /// <param name="templateName">Name of the template or partial that contains the error.</param>
    /// <param name="line">1-based line number.</param>
    /// <param name="column">1-based column number (in UTF-16 code units).</param>
    /// <param name="sourceLine">The full text of the offending line, without line terminator.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LiquidException(string reason, string templateName, int line, int column, string sourceLine, Exception? innerException = null)
        : base(Format(reason, templateName, line, column, sourceLine), innerException)
    {
        Reason = reason;
        TemplateName = templateName;
        Line = line;
        Column = column;
        SourceLine = sourceLine;
    }

    /// <summary>Name of the template or partial that contains the error.</summary>
    public string TemplateName { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error, in UTF-16 code units.</summary>
    public int Column { get; }

    /// <summary>The text of the line containing the error.</summary>
    public string SourceLine { get; }

    /// <summary>The error description without position, e.g. "unknown filter 'upcse'".</summary>
    public string Reason { get; }

    private static string Format(string reason, string name, int line, int column, string sourceLine)
    {
        var sb = new StringBuilder();
        sb.Append(name).Append('(').Append(line).Append(',').Append(column).Append("): ").Append(reason);
        sb.Append('\n').Append("  ").Append(sourceLine);
        sb.Append('\n').Append("  ");
        // Tabs are kept so the caret lines up under the same column in a terminal.
        for (var i = 0; i < column - 1 && i < sourceLine.Length; i++)
        {
            sb.Append(sourceLine[i] == '\t' ? '\t' : ' ');
        }

        sb.Append('^');
        return sb.ToString();
    }
}
