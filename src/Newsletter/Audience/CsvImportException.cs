// A CSV import problem at a line of the file.
namespace Newsletter.Audience;

/// <summary>Raised when an import file cannot be read or has invalid rows; nothing has been imported.</summary>
public sealed class CsvImportException : NewsletterException
{
    /// <summary>Creates the error for the first problem; <paramref name="problems"/> lists every one found.</summary>
    public CsvImportException(SourcePosition position, string reason, IReadOnlyList<ImportProblem> problems)
        : base(position, reason + (problems.Count > 1 ? $" (and {problems.Count - 1} more problem(s); nothing was imported)" : " (nothing was imported)"))
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
