// `newsletter check ISSUE.md`: every pre-send rule on one issue, as editor-linkable lines; exit 1 on errors.
using System.CommandLine;
using Newsletter.Checks;
using Newsletter.Delivery;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>check</c> command.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var issue = new Argument<string>("issue") { Description = "The issue file, e.g. issues/2026-11-20-slug.md" };
        var command = new Command("check", "Check an issue before sending: templates, size, links, images, CSS, subject, unsubscribe") { issue };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var path = result.GetValue(issue)!;
            var file = RunEnvironment.Current.FullPathOfArgument(path);
            if (!File.Exists(file)) throw new FileNotFoundException($"{path}: no such issue file");
            var configPath = RunEnvironment.Current.FullPath(result.GetValue(CommonOptions.Config)!);
            var composer = workspace.Composer();
            var report = workspace.Check(file);
            report = report with { Findings = [.. report.Findings, .. SigningRule.Check(workspace.Settings.Dkim, workspace.Settings.Transport, composer.Domain, configPath),
                .. DesignRule.Check(workspace.Settings.Design, configPath), .. PlaceholderRule.Check(workspace.Settings, configPath)] };
            Print(path, report);
            CliConsole.Out.WriteLine(SigningRule.Describe(workspace.Settings.Dkim));
            return report.HasErrors ? ExitCodes.InputError : ExitCodes.Ok;
        }));
        return command;
    }

    public static void Print(string path, CheckReport report)
    {
        foreach (var finding in report.Findings)
        {
            CliConsole.Out.WriteLine(finding);
            if (finding.Position.SourceLine is { } line) CliConsole.Out.WriteLine("  " + line.Trim());
        }
        var sizes = report.HtmlBytes > 0 ? $"HTML {report.HtmlBytes:N0} bytes ({report.HtmlBytes / 1024.0:0.0} KB of Gmail's 102 KB), text {report.TextBytes:N0} bytes; " : "";
        CliConsole.Out.WriteLine($"{path}: {sizes}{report.Errors} error(s), {report.Warnings} warning(s).");
    }
}
