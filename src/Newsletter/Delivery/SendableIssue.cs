// An issue that passed its pre-send checks, with the renderer they prepared: the only thing the send services take.
using Newsletter.Authoring;
using Newsletter.Checks;
using Newsletter.Rendering;

namespace Newsletter.Delivery;

/// <summary>
/// Proof that an issue has no check errors (<see cref="PreSendCheck.Ensure"/> is the only maker), carrying the
/// renderer the checks prepared so nothing prepares the issue again. <see cref="IssueSender"/> and <see cref="TestSend"/>
/// take only this, so no caller can send an issue without checking it.
/// </summary>
public sealed class SendableIssue
{
    internal SendableIssue(Issue issue, IssueRenderer renderer, CheckReport warnings)
    {
        Issue = issue;
        Renderer = renderer;
        Warnings = warnings;
    }

    /// <summary>The parsed issue.</summary>
    public Issue Issue { get; }

    /// <summary>Its prepared renderer; personal links carry the issue id it was prepared with (see <see cref="IssueRenderer.ForIssue"/>).</summary>
    public IssueRenderer Renderer { get; }

    /// <summary>What the checks found: warnings only, for the caller to show.</summary>
    public CheckReport Warnings { get; }
}
