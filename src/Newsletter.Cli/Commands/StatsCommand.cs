// `newsletter stats [ISSUE]`: ratings per issue, as a table or JSON.
using System.CommandLine;
using System.Text.Json;
using Newsletter.Reporting;
using Spectre.Console;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>stats</c> command.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var issue = new Argument<string?>("issue") { Description = "An issue slug or file; all issues when omitted", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("stats", "Show deliveries and poll ratings per issue") { issue, format };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            IReadOnlyList<IssueStats> stats;
            if (result.GetValue(issue) is { } wanted)
            {
                var slug = Path.GetFileNameWithoutExtension(wanted);
                var record = workspace.Issues.FindBySlug(slug) ?? throw new FormatException($"'{slug}' has not been sent yet");
                stats = [workspace.Stats.For(record)];
            }
            else
            {
                stats = workspace.Stats.ForAll();
            }
            if (result.GetValue(format) == "json")
                Console.WriteLine(JsonSerializer.Serialize(stats, new JsonSerializerOptions { WriteIndented = true }));
            else
                WriteTable(stats);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteTable(IReadOnlyList<IssueStats> all)
    {
        if (all.Count == 0)
        {
            Console.WriteLine("No issue has been sent yet.");
            return;
        }
        foreach (var stats in all)
        {
            var table = new Table().Title(Markup.Escape($"{stats.Title} ({stats.Slug})")).AddColumns("Option", "Votes", "");
            var max = Math.Max(1, stats.Votes.Max(v => v.Count));
            foreach (var option in stats.Votes)
                table.AddRow(Markup.Escape($"{option.Emoji} {option.Label} ({option.Value})"), option.Count.ToString(),
                    new string('█', (int)Math.Round(20.0 * option.Count / max)));
            AnsiConsole.Write(table);
            Console.WriteLine($"Delivered {stats.Delivered}, responses {stats.Responses}, " +
                $"response rate {(stats.ResponseRate is { } r ? r.ToString("P1") : "-")}, average {(stats.Average is { } a ? a.ToString("0.00") : "-")}");
            Console.WriteLine();
        }
    }
}
