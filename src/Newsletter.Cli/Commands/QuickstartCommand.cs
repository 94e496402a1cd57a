// `newsletter quickstart`: the whole main job on the embedded defaults, for a first look.
using System.CommandLine;
using Newsletter.Audience;
using Newsletter.Checks;
using Newsletter.Delivery;
using Newsletter.Delivery.Transports;

namespace Newsletter.Cli.Commands;

/// <summary>
/// The <c>quickstart</c> command: imports the sample list (if the list is empty), sends the newest issue in the
/// issues folder through the configured transport (the outbox by default) and says where the emails are and how to
/// see a poll vote recorded.
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var list = new Option<string>("--list") { Description = "CSV list to import when the list is empty", DefaultValueFactory = _ => "issues/sample-subscribers.csv" };
        var command = new Command("quickstart", "Import the sample list and send the newest issue through the outbox") { list };
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var configPath = result.GetValue(CommonOptions.Config)!;
            var workspace = Workspace.Open(configPath);
            if (!workspace.Subscribers.List().Any())
            {
                var imported = new SubscriberCsvImporter(workspace.Database, workspace.Subscribers)
                    .Import(Path.Combine(workspace.Settings.WorkspaceRoot, result.GetValue(list)!));
                CliConsole.Out.WriteLine($"Imported {imported.Imported} sample subscriber(s).");
            }
            var newest = Directory.EnumerateFiles(workspace.Settings.Issues, "*.md").Order(StringComparer.Ordinal).LastOrDefault()
                ?? throw new FileNotFoundException($"no issue files in {workspace.Settings.Issues}");
            var issue = workspace.LoadIssue(newest);
            // Pre-send checks: an issue with errors is not sent to anyone.
            RenderCommand.ReportWarnings(IssueChecker.EnsureSendable(issue, workspace.Settings.Templates, i => workspace.Prepare(i, 0)));
            await using var transport = TransportFactory.Create(workspace.Settings, configPath);
            CliConsole.Out.WriteLine($"Sending '{issue.Title}' through {transport.Description}");
            var summary = await SendProgressView.RunAsync(progress => workspace.SendAsync(issue, transport, progress, cancellationToken));
            CliConsole.Out.WriteLine(summary.Sent > 0
                ? $"Sent {summary.Sent} email(s)."
                : $"Nothing new to send: all {summary.AlreadyDelivered} subscriber(s) already have it.");
            if (transport is OutboxTransport outbox)
                CliConsole.Out.WriteLine($"The emails are in {Path.Combine(outbox.Directory, issue.Slug)} (open any .eml in a mail client).");
            var record = workspace.Issues.FindBySlug(issue.Slug)!;
            var first = workspace.Subscribers.List().First(s => s.Status == SubscriberStatus.Active);
            CliConsole.Out.WriteLine();
            CliConsole.Out.WriteLine("To see the poll work:");
            CliConsole.Out.WriteLine("  1. run:   dotnet run --project src/Newsletter.Cli -- serve");
            CliConsole.Out.WriteLine($"  2. open:  {workspace.Links.Vote(record.Id, first.Id, issue.Poll?.Options[0].Value ?? 5)}");
            CliConsole.Out.WriteLine("     (the first option's link in the email to " + first.Email + ")");
            CliConsole.Out.WriteLine("  3. run:   dotnet run --project src/Newsletter.Cli -- stats");
            return summary.PausedReason is null ? ExitCodes.Ok : ExitCodes.Incomplete;
        }));
        return command;
    }
}
