// Raised when `render` or `send` meet an issue whose checks found errors.
namespace Newsletter.Checks;

/// <summary>The issue has check errors and was not rendered or sent; <see cref="Report"/> lists them.</summary>
public sealed class IssueCheckFailedException(string path, CheckReport report)
    : NewsletterException(new SourcePosition(path, 0, 0),
        $"{report.Errors} check error(s), nothing was sent or written:\n" +
        string.Join('\n', report.Findings.Where(f => f.Severity == CheckSeverity.Error).Select(f => "  " + f)) +
        "\nRun `newsletter check` for the full report.")
{
    /// <summary>The findings that stopped the command.</summary>
    public CheckReport Report { get; } = report;
}
