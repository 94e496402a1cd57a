// One thing `newsletter check` found in an issue, with where it is.
namespace Newsletter.Checks;

/// <summary>A finding: severity, rule name, position (file, 1-based line and column; 0 when unknown) and message.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Rule">Short rule id, e.g. <c>image-alt</c>, <c>link-http</c>, <c>css-support</c>.</param>
/// <param name="Position">Where the cause is, as precisely as known.</param>
/// <param name="Message">What is wrong and what to do, in one sentence.</param>
public sealed record CheckFinding(CheckSeverity Severity, string Rule, SourcePosition Position, string Message)
{
    /// <summary>Formats as <c>path(line,col): error rule: message</c>, the MSBuild convention editors link.</summary>
    public override string ToString() =>
        $"{Position}: {(Severity == CheckSeverity.Error ? "error" : "warning")} {Rule}: {Message}";
}
