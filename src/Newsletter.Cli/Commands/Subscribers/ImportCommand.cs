// `newsletter subscribers import FILE.csv`: upsert rows, report every bad row by line, keep the good ones.
using System.CommandLine;
using Newsletter.Audience;
using Newsletter.Text;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands.Subscribers;

/// <summary>The <c>subscribers import</c> command.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV file with a header line: email, and optionally name, tags, status and custom fields" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report what would change; write nothing" };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Import nothing if any row is bad" };
        var welcome = new Option<bool>("--welcome") { Description = "Send the welcome issue (welcome: true) now to each active subscriber the file adds, once" };
        var force = CommonOptions.Force();
        var command = new Command("import", "Import subscribers from a CSV file: bad rows are reported and skipped, good rows kept")
        {
            file, dryRun, allOrNothing, welcome, force,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var configPath = result.GetValue(CommonOptions.Config)!;
            var workspace = Workspace.Open(configPath);
            var path = result.GetValue(file)!;
            var options = new ImportOptions(result.GetValue(dryRun), result.GetValue(allOrNothing));
            var welcomeIssue = result.GetValue(welcome) ? workspace.Welcome.Find() : null;
            if (result.GetValue(welcome) && welcomeIssue is null)
            {
                CliConsole.Error.WriteLine("error: " + WelcomeSend.NoWelcomeIssue(workspace.Settings.Issues));
                return ExitCodes.InputError;
            }
            // A welcome the send would refuse is refused before anyone is added, so none waits unsent.
            if (welcomeIssue is not null) Delivery.LiveSendRule.Enforce(workspace.Settings, result.GetValue(force));
            // Subscribers the file adds get ids above this one; those it only updates already had their chance.
            var before = workspace.Subscribers.MaxId();
            var report = new SubscriberCsvImporter(workspace.Database, workspace.Clock).Import(RunEnvironment.Current.FullPathOfArgument(path), options);
            foreach (var problem in report.Problems)
                CliConsole.Error.WriteLine($"error: {new SourcePosition(path, problem.Line, problem.Column)}: {DisplayText.ForTerminal(problem.Reason)}");
            foreach (var row in report.Suppressed)
                CliConsole.Out.WriteLine($"{new SourcePosition(path, row.Line, 0)}: {row.Email} is suppressed ({row.Reason}); not imported.");
            CliConsole.Out.WriteLine(Summary(report, options));
            var exit = report.Problems.Count > 0 ? ExitCodes.InputError : ExitCodes.Ok;
            if (welcomeIssue is null || options.DryRun || !report.Written) return exit;
            workspace.Welcome.QueueAddedAfter(before);
            return Math.Max(exit, await WelcomeSend.SendWaitingAsync(workspace, configPath, welcomeIssue, cancellationToken, result.GetValue(force)));
        }));
        return command;
    }

    private static string Summary(ImportReport report, ImportOptions options)
    {
        var counts = $"{report.Added} new, {report.Updated} updated, {report.Suppressed.Count} suppressed, {report.Problems.Count} bad row(s)";
        if (options.DryRun) return $"Dry run: {counts}. Nothing was written.";
        if (!report.Written) return $"Nothing was imported ({counts}); fix the bad rows or drop --all-or-nothing.";
        return $"Imported {report.Imported} subscriber(s): {counts}.";
    }
}
