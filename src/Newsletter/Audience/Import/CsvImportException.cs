// The import row types and the error for a file that cannot be imported at all (folder Import/, namespace Newsletter.Audience for existing callers).
namespace Newsletter.Audience;

/// <summary>Raised when an import file cannot be read at all; nothing has been imported.</summary>
public sealed class CsvImportException : NewsletterException
{
    /// <summary>Creates the error for the first problem; <paramref name="problems"/> lists every one found.</summary>
    public CsvImportException(SourcePosition position, string reason, IReadOnlyList<ImportProblem> problems)
        : base(position, reason + " (nothing was imported)")
    {
        Problems = problems;
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }
}

/// <summary>One rejected row or file-level problem.</summary>
/// <param name="Line">1-based physical line in the file (the header is line 1).</param>
/// <param name="Column">1-based column (field number) when known, else 0.</param>
/// <param name="Reason">What is wrong, e.g. <c>'bob@' has no domain after the '@'</c>.</param>
public sealed record ImportProblem(int Line, int Column, string Reason);

/// <summary>A row whose address is suppressed (unsubscribed, bounced, complained or erased) and was not imported.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Email">The normalised address (for an erased person, it is only in the file).</param>
/// <param name="Reason">Why, e.g. <c>unsubscribed</c> or <c>erased</c>.</param>
public sealed record SuppressedRow(int Line, string Email, string Reason);
