// `newsletter send --pause/--resume/--cancel ISSUE`: hold, release or stop an issue's send.
using Newsletter.Delivery;

namespace Newsletter.Cli.Commands;

/// <summary>The control actions of the <c>send</c> command; a running send notices them before its next batch.</summary>
internal static class SendControl
{
    public static int Pause(Workspace workspace, string issue, string? reason)
    {
        var record = IssueArgument.Resolve(workspace, issue);
        workspace.Issues.Pause(record.Id, string.IsNullOrWhiteSpace(reason) ? "paused by the operator" : reason.Trim());
        CliConsole.Out.WriteLine($"Paused '{record.Slug}'. 'newsletter send --resume {record.Slug}' lets it go on.");
        return ExitCodes.Ok;
    }

    public static int Resume(Workspace workspace, string issue)
    {
        var record = IssueArgument.Resolve(workspace, issue);
        if (record.CancelledAt is not null)
            throw new InputException($"'{record.Slug}' was cancelled and cannot be resumed");
        workspace.Issues.Resume(record.Id);
        CliConsole.Out.WriteLine($"Resumed '{record.Slug}'; 'newsletter send --due' (or cron) sends the rest.");
        return ExitCodes.Ok;
    }

    public static int Cancel(Workspace workspace, string issue)
    {
        var record = IssueArgument.Resolve(workspace, issue);
        workspace.Issues.Cancel(record.Id);
        var counts = workspace.Ledger.Counts(record.Id);
        CliConsole.Out.WriteLine($"Cancelled '{record.Slug}': {counts[DeliveryStatus.Sent]} had it, " +
            $"{counts[DeliveryStatus.Pending] + counts[DeliveryStatus.Deferred]} will not get it.");
        return ExitCodes.Ok;
    }
}
