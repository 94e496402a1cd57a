// `newsletter subscribers unsuppress --reason bounced`: the way back after a server refused addresses that were fine.
using System.CommandLine;
using Newsletter.Audience.Suppression;

namespace Newsletter.Cli.Commands.Subscribers;

/// <summary>The <c>subscribers unsuppress</c> command.</summary>
internal static class UnsuppressCommand
{
    public static Command Create()
    {
        var reason = new Option<string>("--reason") { Description = "Which suppressions to lift: bounced (the only one that can be undone)", Required = true };
        var since = new Option<string?>("--since") { Description = "Only bounces recorded since this time, e.g. 2026-11-23T08:00 (local) or 2026-11-23T07:00Z" };
        var issue = new Option<string?>("--issue") { Description = "Only bounces of this issue (file or slug)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List who would be restored and change nothing" };
        var command = new Command("unsuppress", "Make subscribers that sends recorded as bounced active again, and queue their deliveries")
            { reason, since, issue, dryRun };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            if (!string.Equals(result.GetValue(reason), "bounced", StringComparison.OrdinalIgnoreCase))
                throw new InputException($"--reason '{result.GetValue(reason)}' cannot be undone here: only bounced suppressions can (unsubscribes and complaints are the reader's choice)");
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var from = result.GetValue(since) is { } text ? ScheduleCommand.ParseTime(text, "--since") : (DateTimeOffset?)null;
            var slug = result.GetValue(issue) is { } named ? Path.GetFileNameWithoutExtension(named) : null;
            var suppressions = new BouncedSuppressions(workspace.Database, workspace.Clock);
            var found = suppressions.Find(from, slug);
            foreach (var subscriber in found)
                CliConsole.Out.WriteLine($"{subscriber.Email}  bounced {subscriber.BouncedAt:u} in {subscriber.Issue}: {subscriber.Reply}");
            if (result.GetValue(dryRun))
            {
                CliConsole.Out.WriteLine($"{found.Count} bounced subscriber(s) would be restored; nothing was changed.");
                return ExitCodes.Ok;
            }
            var restored = suppressions.Restore(found);
            CliConsole.Out.WriteLine($"Restored {restored} subscriber(s); their bounced deliveries are queued again (resume or rerun the send).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
