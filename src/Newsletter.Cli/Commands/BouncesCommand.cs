// `newsletter bounces import|fetch`: read returned mail, record each bounce and complaint once, suppress as due.
using System.CommandLine;
using Newsletter.Delivery.Bounces;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>bounces</c> command group.</summary>
internal static class BouncesCommand
{
    public static Command Create() => new("bounces", "Read bounces and complaints that came back as mail; suppress hard bounces and complaints")
    {
        Import(), Fetch(),
    };

    private static Command Import()
    {
        var source = new Argument<string>("source") { Description = "A message file, a Maildir (cur/ and new/), a folder of .eml files, or - for standard input (an MTA pipe)" };
        var command = new Command("import", "Process returned mail from files or standard input") { source };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var processor = workspace.Bounces();
            var summary = new BounceSummary();
            var path = result.GetValue(source)!;
            var failed = 0;
            if (path == "-")
            {
                using var input = new MemoryStream();
                CliConsole.OpenInput().CopyTo(input);
                input.Position = 0;
                failed += ProcessOne("-", () => processor.Process(input), summary);
            }
            else
            {
                var full = RunEnvironment.Current.FullPath(path);
                foreach (var file in BounceFiles.Under(full))
                {
                    // Each file is named as the source was given: below a relative folder, or absolute.
                    var shown = file == full ? path : Path.Join(path, Path.GetRelativePath(full, file));
                    failed += ProcessOne(shown, () =>
                    {
                        using var stream = File.OpenRead(file);
                        return processor.Process(stream);
                    }, summary);
                }
            }
            CliConsole.Out.WriteLine(summary.ToString() + (failed > 0 ? $", unreadable {failed}" : ""));
            return failed > 0 ? ExitCodes.InputError : ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Fetch()
    {
        var command = new Command("fetch", "Process the bounce mailbox (bounces.mailbox, IMAP or POP3); move or delete what was processed");
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var mailbox = BounceMailbox.From(workspace.Settings.Bounces);
            var password = RunEnvironment.Current.Variable(BounceMailbox.PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                CliConsole.Error.WriteLine($"error: set {BounceMailbox.PasswordVariable} to the password of {mailbox.User} on {mailbox}");
                return ExitCodes.InputError;
            }
            var fetcher = new BounceFetcher(mailbox, workspace.Settings.Bounces, password);
            var summary = await fetcher.FetchAsync(workspace.Bounces(), Write, cancellationToken);
            CliConsole.Out.WriteLine(summary);
            return ExitCodes.Ok;
        }));
        return command;
    }

    // A message that cannot be read is reported with its file and skipped; every other report is already committed.
    private static int ProcessOne(string source, Func<BounceOutcome> process, BounceSummary summary)
    {
        try
        {
            var outcome = process();
            summary.Add(outcome);
            Write(source, outcome);
            return 0;
        }
        catch (InputException e)
        {
            CliConsole.Error.WriteLine($"error: {source}: {e.Message}");
            return 1;
        }
    }

    private static void Write(string source, BounceOutcome outcome)
    {
        var report = outcome.Report;
        if (report.Kind == BounceKind.NotBounce) return;
        var what = $"{report.Kind.ToText()}{(report.StatusCode is { } code ? " " + code : "")} {report.Recipient ?? "(no recipient named)"}";
        var state = !outcome.Recorded ? "already recorded"
            : outcome.Match.SubscriberId is null ? "not on the list"
            : outcome.Suppressed ? "suppressed" : "recorded";
        CliConsole.Out.WriteLine($"{source}: {what}: {state}");
    }
}
