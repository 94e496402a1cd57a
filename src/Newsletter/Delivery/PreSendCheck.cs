// The one place that enforces "never send an issue with errors".
using Newsletter.Authoring;
using Newsletter.Checks;
using Newsletter.Rendering;

namespace Newsletter.Delivery;

/// <summary>
/// Runs every rule of <see cref="IssueChecker"/> before an issue is rendered or sent, preparing it once, and refuses
/// an issue with any error. Warnings do not stop it; they travel in <see cref="SendableIssue.Warnings"/>.
/// </summary>
public static class PreSendCheck
{
    /// <summary>Checks <paramref name="issue"/> and returns it ready to send, or throws when a rule reports an error.</summary>
    /// <param name="issue">The parsed issue.</param>
    /// <param name="templatesPath">The templates folder, searched for positions of template-borne findings (may be null).</param>
    /// <param name="prepare">Prepares the renderer of the issue; called once.</param>
    /// <exception cref="IssueCheckFailedException">At least one error; the message lists them with positions.</exception>
    public static SendableIssue Ensure(Issue issue, string? templatesPath, Func<Issue, IssueRenderer> prepare)
    {
        var report = IssueChecker.Check(issue, templatesPath, prepare, out var renderer);
        if (report.HasErrors || renderer is null) throw new IssueCheckFailedException(issue.SourcePath, report);
        return new SendableIssue(issue, renderer, report);
    }
}
