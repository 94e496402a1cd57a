// `newsletter status`: where every issue's send stands: state, ledger counts, pause reason, next retry.
using System.CommandLine;
using Newsletter.Delivery;
using Newsletter.Delivery.Bounces;
using Newsletter.Text;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>status</c> command.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var issue = new Argument<string?>("issue") { Description = "An issue file or slug; every recorded issue when omitted", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Show each issue's send: state, deliveries by state, pause reason and next retry") { issue };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var records = result.GetValue(issue) is { } one ? [IssueArgument.Resolve(workspace, one)] : workspace.Issues.List();
            if (records.Count == 0) CliConsole.Out.WriteLine("No issue has been scheduled or sent yet.");
            foreach (var record in records) Write(workspace, record);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Write(Workspace workspace, IssueRecord record)
    {
        var counts = workspace.Ledger.Counts(record.Id);
        var handed = workspace.Ledger.Handed(record.Id);
        var claimed = counts[DeliveryStatus.Sending] - handed;
        CliConsole.Out.WriteLine($"{record.Slug}: {record.State}" + (record.DueAt is { } due ? $", due {due.ToLocalTime():yyyy-MM-dd HH:mm zzz}" : ""));
        CliConsole.Out.WriteLine($"  sent {counts[DeliveryStatus.Sent]}, pending {counts[DeliveryStatus.Pending]}, " +
            $"in flight {handed}" + (claimed > 0 ? $", claimed {claimed} (not handed over)" : "") + $", retrying {counts[DeliveryStatus.Deferred]}, failed {counts[DeliveryStatus.GaveUp]}, " +
            $"bounced {counts[DeliveryStatus.Bounced]}, skipped {counts[DeliveryStatus.Suppressed]}");
        if (new BounceStore(workspace.Database).Counts(record.Id) is { IsEmpty: false } bounces)
            CliConsole.Out.WriteLine($"  bounces reported later: hard {bounces.Hard}, soft {bounces.Soft}, complaints {bounces.Complaints}");
        if (workspace.Ledger.RecoveredTotal(record.Id) is > 0 and var recovered)
            CliConsole.Out.WriteLine($"  in flight at a crash and sent again (possible duplicates): {recovered}");
        if (workspace.Ledger.IsShared && workspace.Ledger.Senders(record.Id) is { Count: > 0 } senders)
            CliConsole.Out.WriteLine($"  senders now: {senders.Count} ({string.Join(", ", senders.Select(s => string.Join(':', s.Split(':').Take(2))))})");
        if (record.PausedReason is { } reason) CliConsole.Out.WriteLine($"  paused: {DisplayText.ForTerminal(reason)}");
        foreach (var group in workspace.Ledger.FailureReasons(record.Id).Take(10))
            CliConsole.Out.WriteLine($"  {group.Outcome} {group.Count:N0}: {DisplayText.ForTerminal(group.Reason)}");
        if (workspace.Ledger.NextRetry(record.Id) is { } next) CliConsole.Out.WriteLine($"  next retry: {next.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}");
    }
}
