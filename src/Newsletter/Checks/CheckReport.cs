// Everything `newsletter check` found in one issue, plus the sizes of what it rendered.
namespace Newsletter.Checks;

/// <summary>The findings of one check run, in the order the rules ran.</summary>
/// <param name="Findings">Errors and warnings.</param>
/// <param name="HtmlBytes">Size of the rendered HTML part in UTF-8 bytes (0 when it could not be rendered).</param>
/// <param name="TextBytes">Size of the rendered text part in UTF-8 bytes (0 when it could not be rendered).</param>
public sealed record CheckReport(IReadOnlyList<CheckFinding> Findings, long HtmlBytes, long TextBytes)
{
    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == CheckSeverity.Error);

    /// <summary>Number of errors.</summary>
    public int Errors => Findings.Count(f => f.Severity == CheckSeverity.Error);

    /// <summary>Number of warnings.</summary>
    public int Warnings => Findings.Count(f => f.Severity == CheckSeverity.Warning);
}
