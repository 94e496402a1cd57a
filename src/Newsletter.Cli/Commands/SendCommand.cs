// `newsletter send ISSUE.md`, `send --due` and `send --pause/--resume/--cancel`: mail issues, exactly once per subscriber.
using System.CommandLine;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Delivery.Smtp;
using Newsletter.Delivery.Transports;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>send</c> command.</summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var issue = new Argument<string?>("issue") { Description = "The issue file to send", Arity = ArgumentArity.ZeroOrOne };
        var due = new Option<bool>("--due") { Description = "Send every issue in the issues folder whose send_at has passed (for cron)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Render every message and report, but send and record nothing" };
        var pause = new Option<bool>("--pause") { Description = "Pause the issue's send (a running send stops after its messages in flight)" };
        var reason = new Option<string?>("--reason") { Description = "Why the send is paused, shown by 'newsletter status'" };
        var resume = new Option<bool>("--resume") { Description = "Let a paused send go on" };
        var cancel = new Option<bool>("--cancel") { Description = "Stop the issue's send for good" };
        var smtpLog = new Option<string?>("--smtp-log") { Description = "Append every SMTP conversation to this file (AUTH secrets redacted)" };
        var segment = new Option<string?>("--segment") { Description = "Only subscribers in this segment, e.g. \"tag:rust and not tag:beginner\" (overrides the issue's segment:)" };
        var force = CommonOptions.Force();
        var test = new Option<string?>("--test") { Description = "Mail the issue now to these addresses only (comma-separated), marked as a test; the ledger and stats are not touched" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation before sending (it is only asked on a terminal)" };
        var command = new Command("send", "Send an issue to every active subscriber who has not had it")
            { issue, due, dryRun, pause, reason, resume, cancel, segment, smtpLog, force, yes, test };
        command.Validators.Add(r =>
        {
            if (r.GetValue(due) == (r.GetValue(issue) is not null)) r.AddError("give either an issue file or --due");
            if (new[] { r.GetValue(pause), r.GetValue(resume), r.GetValue(cancel), r.GetValue(dryRun), r.GetValue(due) }.Count(b => b) > 1)
                r.AddError("give at most one of --due, --dry-run, --pause, --resume and --cancel");
            if (r.GetValue(test) is not null && new[] { r.GetValue(pause), r.GetValue(resume), r.GetValue(cancel), r.GetValue(dryRun), r.GetValue(due) }.Any(b => b))
                r.AddError("--test sends one issue to the addresses given; it goes with none of --due, --dry-run, --pause, --resume and --cancel");
        });
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var configPath = result.GetValue(CommonOptions.Config)!;
            var workspace = Workspace.Open(configPath);
            using var log = result.GetValue(smtpLog) is { } logPath ? new SmtpProtocolLog(logPath) : null;
            if (result.GetValue(due)) return await SendDueAsync(workspace, configPath, log, cancellationToken, result.GetValue(force));
            if (result.GetValue(pause)) return SendControl.Pause(workspace, result.GetValue(issue)!, result.GetValue(reason));
            if (result.GetValue(resume)) return SendControl.Resume(workspace, result.GetValue(issue)!);
            if (result.GetValue(cancel)) return SendControl.Cancel(workspace, result.GetValue(issue)!);
            var parsed = workspace.LoadIssue(result.GetValue(issue)!);
            if (result.GetValue(test) is { } addresses)
                return await SendTestAsync(workspace, configPath, log, parsed, addresses, result.GetValue(force), cancellationToken);
            // Two welcome issues are refused here too, not only where subscribers are welcomed.
            if (parsed.Welcome) workspace.Welcome.Find();
            if (parsed.Welcome && result.GetValue(dryRun)) return WelcomeDryRun(workspace, parsed);
            if (result.GetValue(dryRun)) return DryRun(workspace, parsed, result.GetValue(segment));
            if (parsed.Welcome)
            {
                CliConsole.Out.WriteLine(WelcomeSend.PerSubscriber(parsed) + "; sending the welcomes that wait.");
                return await WelcomeSend.SendWaitingAsync(workspace, configPath, parsed, cancellationToken, result.GetValue(force));
            }
            return await SendOneAsync(workspace, configPath, log, parsed, cancellationToken, result.GetValue(segment), result.GetValue(force),
                confirm: !result.GetValue(yes));
        }));
        return command;
    }

    /// <summary>Checks, sends and reports one issue; returns the exit code.</summary>
    internal static async Task<int> SendOneAsync(Workspace workspace, string configPath, SmtpProtocolLog? log, Issue issue, CancellationToken cancellationToken,
        string? segment = null, bool force = false, bool confirm = false)
    {
        // The send service refuses an issue with errors; its warnings are shown before anything is asked or sent.
        var sendable = workspace.ReadyToSend(issue);
        RenderCommand.ReportWarnings(sendable.Warnings);
        // Mail that leaves the machine needs a real sender and real links; the outbox only writes files to look at.
        await using var transport = workspace.OpenTransport(configPath, log, force);
        if (confirm && !SendConfirmation.Current.Confirm(issue.Title, WouldGet(workspace, issue, segment), yes: false))
        {
            CliConsole.Error.WriteLine("error: " + SendConfirmation.Cancelled);
            return ExitCodes.Cancelled;
        }
        CliConsole.Out.WriteLine($"Sending '{issue.Title}' through {transport.Description}");
        var summary = await SendProgressView.RunAsync(progress => workspace.SendAsync(sendable, transport, progress, cancellationToken, segment));
        Report(summary, transport);
        return summary.Complete ? ExitCodes.Ok : ExitCodes.Incomplete;
    }

    // A test goes to the addresses given, now, through the configured transport (so the placeholder rule applies),
    // and records nothing: no issue record, no delivery, no stats. It never asks: the audience is the editor.
    private static async Task<int> SendTestAsync(Workspace workspace, string configPath, SmtpProtocolLog? log, Issue issue, string list, bool force,
        CancellationToken cancellationToken)
    {
        var addresses = TestSend.ParseAddresses(list);
        var sendable = workspace.ReadyToSend(issue);
        RenderCommand.ReportWarnings(sendable.Warnings);
        await using var transport = workspace.OpenTransport(configPath, log, force);
        CliConsole.Out.WriteLine($"Sending a test of '{issue.Title}' through {transport.Description}");
        var results = await new TestSend(workspace.Subscribers, transport).SendAsync(sendable, workspace.Composer(), addresses, cancellationToken);
        foreach (var (address, outcome) in results)
        {
            if (outcome.Outcome == TransportOutcome.Accepted) CliConsole.Out.WriteLine($"Test sent to {address}.");
            else CliConsole.Error.WriteLine($"error: the test to {address} was not accepted: {outcome.Detail}");
        }
        if (transport is OutboxTransport outbox) CliConsole.Out.WriteLine($"Emails are in {Path.Combine(outbox.Directory, issue.Slug + "-test")}");
        CliConsole.Out.WriteLine("Nothing was recorded: the issue's deliveries and stats are as they were.");
        return results.All(r => r.Result.Outcome == TransportOutcome.Accepted) ? ExitCodes.Ok : ExitCodes.Incomplete;
    }

    // Who would get the issue now: the active subscribers of its audience less those who have it. Reads only.
    private static long WouldGet(Workspace workspace, Issue issue, string? segment)
    {
        var audience = workspace.Subscribers.Count(Audience.Segments.IssueSegment.Resolve(issue, segment, workspace.HasField) ?? Audience.Segments.CompiledSegment.Everyone);
        var already = workspace.Issues.FindBySlug(issue.Slug) is { } record ? workspace.Ledger.Counts(record.Id)[DeliveryStatus.Sent] : 0;
        return Math.Max(0, audience - already);
    }

    private static async Task<int> SendDueAsync(Workspace workspace, string configPath, SmtpProtocolLog? log, CancellationToken cancellationToken, bool force)
    {
        var due = DueIssues.Find(workspace.Settings.Issues, workspace.Issues, workspace.Clock.GetUtcNow(), out var problems);
        foreach (var problem in problems) CliConsole.Error.WriteLine("error: " + problem.Message);
        var exit = problems.Count > 0 ? ExitCodes.InputError : ExitCodes.Ok;
        exit = Math.Max(exit, await SendWelcomesAsync(workspace, configPath, log, cancellationToken, force));
        if (due.Count == 0)
        {
            CliConsole.Out.WriteLine("No issue is due.");
            return exit;
        }
        foreach (var issue in due)
        {
            try
            {
                var code = await SendOneAsync(workspace, configPath, log, issue, cancellationToken, force: force);
                exit = Math.Max(exit, code);
            }
            catch (Exception e) when (e is NewsletterException or SendBlockedException)
            {
                CliConsole.Error.WriteLine("error: " + e.Message);
                exit = Math.Max(exit, e is SendBlockedException ? ExitCodes.Busy : ExitCodes.InputError);
            }
        }
        return exit;
    }

    // Welcomes queued by web confirmations (and any a stopped run left) go first: they are due the moment they are queued.
    private static async Task<int> SendWelcomesAsync(Workspace workspace, string configPath, SmtpProtocolLog? log, CancellationToken cancellationToken, bool force)
    {
        try
        {
            if (workspace.Welcome.Find() is not { } welcome || workspace.Welcome.Waiting(welcome) == 0) return ExitCodes.Ok;
            return await SendOneAsync(workspace, configPath, log, welcome, cancellationToken, force: force);
        }
        catch (Exception e) when (e is NewsletterException or SendBlockedException)
        {
            CliConsole.Error.WriteLine("error: " + e.Message);
            return e is SendBlockedException ? ExitCodes.Busy : ExitCodes.InputError;
        }
    }

    // A welcome issue's audience is what waits in the ledger, not the list: the dry run checks it and counts those.
    private static int WelcomeDryRun(Workspace workspace, Issue issue)
    {
        RenderCommand.ReportWarnings(workspace.ReadyToSend(issue).Warnings);
        CliConsole.Out.WriteLine(WelcomeSend.PerSubscriber(issue) + ".");
        CliConsole.Out.WriteLine($"Dry run of '{issue.Title}': {workspace.Welcome.Waiting(issue)} welcome(s) wait to be sent. Nothing was sent.");
        return ExitCodes.Ok;
    }

    private static int DryRun(Workspace workspace, Issue issue, string? segmentOption)
    {
        // The same audience a real send would enqueue: --segment, else the issue's segment:, else everyone active.
        var segment = Audience.Segments.IssueSegment.Resolve(issue, segmentOption, workspace.HasField) ?? Audience.Segments.CompiledSegment.Everyone;
        var record = workspace.Issues.FindBySlug(issue.Slug);
        var sendable = workspace.ReadyToSend(issue);
        RenderCommand.ReportWarnings(sendable.Warnings);
        var renderer = sendable.Renderer;
        var composer = workspace.Composer();
        var (count, bytes) = (0, 0L);
        var unbuildable = new List<string>();
        // Every message is built and written as a send would, so what would fail one delivery shows here too.
        foreach (var subscriber in workspace.Subscribers.List(segment))
        {
            count++;
            try
            {
                var message = composer.Compose(renderer.Render(subscriber), subscriber, $"{issue.Slug}.{subscriber.Id}@{composer.Domain}", issue.Slug);
                using var measure = new MimeKit.IO.MeasuringStream();
                message.WriteTo(Delivery.Messages.WireFormat.Options, measure);
                bytes += measure.Length;
            }
            catch (Exception e) when (e is ArgumentException or MimeKit.ParseException)
            {
                unbuildable.Add($"{subscriber.Email}: {e.Message}");
            }
        }
        var already = record is null ? 0 : workspace.Ledger.Counts(record.Id)[DeliveryStatus.Sent];
        var audience = segment.Expression.Length == 0 ? "" : $" in segment '{segment.Expression}'";
        var built = count - unbuildable.Count;
        CliConsole.Out.WriteLine($"Dry run of '{issue.Title}': {count} active subscriber(s){audience}, {already} already have it; " +
            $"{built} message(s) built ({bytes / Math.Max(1, built):N0} bytes each on average). Nothing was sent.");
        foreach (var problem in unbuildable) CliConsole.Error.WriteLine($"error: the message to {problem}");
        return unbuildable.Count == 0 ? ExitCodes.Ok : ExitCodes.InputError;
    }

    private static void Report(SendSummary summary, IDeliveryTransport transport)
    {
        if (summary.Sent == 0 && summary.Deferred == 0 && summary.Bounced == 0 && summary.GaveUp == 0 && summary.Complete)
        {
            CliConsole.Out.WriteLine($"Nothing to send: all {summary.AlreadyDelivered} active subscriber(s) already have '{summary.Slug}'.");
            return;
        }
        CliConsole.Out.WriteLine($"Sent {summary.Sent} in {summary.Elapsed.TotalSeconds:0.0} s " +
            $"({(summary.Elapsed.TotalSeconds > 0 ? summary.Sent / summary.Elapsed.TotalSeconds : 0):0} per second); " +
            $"deferred {summary.Deferred}, bounced {summary.Bounced}, gave up {summary.GaveUp}, skipped {summary.Suppressed}, earlier {summary.AlreadyDelivered}.");
        foreach (var group in (summary.Reasons ?? []).Take(10))
            CliConsole.Out.WriteLine($"  {group.Outcome} {group.Count:N0}: {group.Reason}");
        if (summary.Recovered > 0)
            CliConsole.Out.WriteLine($"In flight when an earlier run stopped: {summary.Recovered} delivery(ies); they were sent again and may have arrived twice.");
        if (summary.Waiting > 0)
            CliConsole.Out.WriteLine($"{summary.Waiting} delivery(ies) wait for a retry; the next is due at {summary.NextRetry:u} ('newsletter send --due' sends them).");
        if (summary.PausedReason is not null) CliConsole.Error.WriteLine("error: " + summary.PausedReason);
        if (summary.StoppedReason is not null) CliConsole.Error.WriteLine("stopped: " + summary.StoppedReason);
        if (transport is OutboxTransport outbox) CliConsole.Out.WriteLine($"Emails are in {Path.Combine(outbox.Directory, summary.Slug)}");
    }
}
