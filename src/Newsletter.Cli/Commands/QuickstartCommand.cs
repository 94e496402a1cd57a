// `newsletter quickstart`: the whole main job on the embedded defaults, for a first look.
using System.CommandLine;
using Newsletter.Audience;
using Newsletter.Checks;
using Newsletter.Delivery;
using Newsletter.Delivery.Transports;

namespace Newsletter.Cli.Commands;

/// <summary>
/// The <c>quickstart</c> command: imports the sample list (if the list is empty), sends the newest issue in the
/// issues folder through an outbox, never a mail server, and says where the emails are and how to see a poll vote
/// recorded. Works in the repository and in a workspace made by <c>init</c>.
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var list = new Option<string>("--list") { Description = "CSV list to import when the list is empty (default: the sample list, built in when the workspace has none)", DefaultValueFactory = _ => SampleList.DefaultPath };
        var command = new Command("quickstart", "Import the sample list and send the newest issue through the outbox") { list };
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var configPath = result.GetValue(CommonOptions.Config)!;
            var workspace = Workspace.Open(configPath);
            var live = LiveSendRule.IsLive(workspace.Settings.Transport);
            if (workspace.Subscribers.List().Any())
            {
                // The outbox send records the issue as delivered: on a real list that would skip everyone at the real send.
                if (live)
                {
                    CliConsole.Error.WriteLine($"error: quickstart sends to the outbox, and this workspace has a list and sends through {workspace.Settings.Transport}: " +
                        "its subscribers would be recorded as having the issue without getting it. Use 'newsletter send' here, or quickstart in a new workspace ('newsletter init DIR').");
                    return ExitCodes.InputError;
                }
            }
            else
            {
                Import(workspace, result.GetValue(list)!, result.GetResult(list) is null or { Implicit: true });
            }
            var newest = Directory.EnumerateFiles(workspace.Settings.Issues, "*.md").Order(StringComparer.Ordinal).LastOrDefault()
                ?? throw new FileNotFoundException($"no issue files in {workspace.Settings.Issues}");
            var issue = workspace.LoadIssue(newest);
            // The send service refuses an issue with errors; its warnings are shown first.
            var sendable = workspace.ReadyToSend(issue);
            RenderCommand.ReportWarnings(sendable.Warnings);
            // A first look never mails anyone, whatever the workspace's transport says.
            await using var transport = new OutboxTransport(live ? Path.Combine(workspace.Settings.WorkspaceRoot, "outbox") : workspace.Settings.Transport["outbox:".Length..]);
            CliConsole.Out.WriteLine($"Sending '{issue.Title}' through {transport.Description}");
            var summary = await SendProgressView.RunAsync(progress => workspace.SendAsync(sendable, transport, progress, cancellationToken));
            CliConsole.Out.WriteLine(summary.Sent > 0
                ? $"Sent {summary.Sent} email(s)."
                : $"Nothing new to send: all {summary.AlreadyDelivered} subscriber(s) already have it.");
            CliConsole.Out.WriteLine($"The emails are in {Path.Combine(transport.Directory, issue.Slug)} (open any .eml in a mail client).");
            var record = workspace.Issues.FindBySlug(issue.Slug)!;
            var first = workspace.Subscribers.List().First(s => s.Status == SubscriberStatus.Active);
            var run = HowToRun(workspace.Settings.WorkspaceRoot);
            CliConsole.Out.WriteLine();
            CliConsole.Out.WriteLine("To see the poll work:");
            CliConsole.Out.WriteLine($"  1. run:   {run} serve");
            CliConsole.Out.WriteLine($"  2. open:  {workspace.Links.Vote(record.Id, first.Id, issue.Poll?.Options[0].Value ?? 5)}");
            CliConsole.Out.WriteLine("     (the first option's link in the email to " + first.Email + ")");
            CliConsole.Out.WriteLine($"  3. run:   {run} stats");
            return summary.PausedReason is null ? ExitCodes.Ok : ExitCodes.Incomplete;
        }));
        return command;
    }

    // The default list may be missing (a workspace from an older init, or one whose sample was deleted): the built-in one stands in.
    private static void Import(Workspace workspace, string list, bool isDefault)
    {
        var path = Path.Combine(workspace.Settings.WorkspaceRoot, list);
        var builtIn = isDefault && !File.Exists(path);
        if (builtIn)
        {
            path = Path.Combine(Directory.CreateTempSubdirectory("newsletter-sample-").FullName, "sample-subscribers.csv");
            SampleList.WriteTo(path);
        }
        try
        {
            var imported = new SubscriberCsvImporter(workspace.Database, workspace.Subscribers).Import(path);
            CliConsole.Out.WriteLine($"Imported {imported.Imported} sample subscriber(s){(builtIn ? " from the built-in sample list" : "")}.");
        }
        finally
        {
            if (builtIn) Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    // In the repository the command runs from source; elsewhere it is the installed tool.
    private static string HowToRun(string root) =>
        File.Exists(Path.Combine(root, "src", "Newsletter.Cli", "Newsletter.Cli.csproj")) ? "dotnet run --project src/Newsletter.Cli --" : CommandName.Value;
}
