// `newsletter stats [ISSUE]`: ratings per issue with bars, unsubscribes, bounces and complaints, the trend of the average, and the comments; as a table, CSV or JSON.
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Newsletter.Reporting;
using Newsletter.Text;
using Spectre.Console;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>stats</c> command.</summary>
internal static class StatsCommand
{
    private const int BarWidth = 30;

    public static Command Create()
    {
        var issue = new Argument<string?>("issue") { Description = "An issue slug or file; all issues when omitted", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var withEmails = new Option<bool>("--with-emails") { Description = "Show who wrote each comment (personal data)" };
        var command = new Command("stats", "Show deliveries, poll ratings, unsubscribes, bounces, complaints, the trend and comments per issue") { issue, format, withEmails };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var people = result.GetValue(withEmails);
            IReadOnlyList<IssueStats> stats;
            if (result.GetValue(issue) is { } wanted)
            {
                var slug = Path.GetFileNameWithoutExtension(wanted);
                var record = workspace.Issues.FindBySlug(slug) ?? throw new InputException($"'{slug}' has not been sent yet");
                stats = [workspace.Stats.For(record, people)];
            }
            else
            {
                stats = workspace.Stats.ForAll(people);
            }
            switch (result.GetValue(format))
            {
                case "json":
                    CliConsole.Out.WriteLine(JsonSerializer.Serialize(stats, new JsonSerializerOptions { WriteIndented = true }));
                    break;
                case "csv":
                    StatsCsv.Write(CliConsole.Out, stats);
                    break;
                default:
                    WriteTables(stats);
                    break;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteTables(IReadOnlyList<IssueStats> all)
    {
        if (all.Count == 0)
        {
            CliConsole.Out.WriteLine("No issue has been sent yet.");
            return;
        }
        foreach (var stats in all)
        {
            var table = new Table().Title(Cell($"{stats.Title} ({stats.Slug})")).AddColumns("Option", "Votes", "Share", "");
            foreach (var option in stats.Votes)
            {
                var share = stats.Responses == 0 ? 0 : (double)option.Count / stats.Responses;
                table.AddRow(Cell($"{option.Emoji} {option.Label} ({option.Value})"), option.Count.ToString(CultureInfo.InvariantCulture),
                    (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%", new string('█', (int)Math.Round(BarWidth * share)));
            }
            table.Caption(Markup.Escape($"delivered {stats.Delivered} · responses {stats.Responses} · response rate {Percent(stats.ResponseRate)} · average {Average(stats.Average)}"));
            CliConsole.Styled.Write(table);
            // A line of its own rather than the caption, which wraps at the table's width.
            CliConsole.Out.WriteLine($"  unsubscribes {stats.Unsubscribes} ({Percent(stats.UnsubscribeRate)})" + (stats.Bounces is { } b
                ? $" · hard bounces {b.Hard} ({Percent(stats.HardBounceRate)}) · soft bounces {b.Soft} ({Percent(stats.SoftBounceRate)}) · complaints {b.Complaints} ({Percent(stats.ComplaintRate)})"
                : ""));
            foreach (var comment in stats.Comments)
                CliConsole.Out.WriteLine($"  [{comment.Rating}] {DisplayText.ForTerminal(comment.Text.ReplaceLineEndings(" "))}{(comment.Email is null ? "" : $"  ({DisplayText.ForTerminal(comment.Email)})")}");
            CliConsole.Out.WriteLine();
        }
        WriteTrend(all);
    }

    // The average per issue on one scale, so a drift across issues is visible at a glance.
    private static void WriteTrend(IReadOnlyList<IssueStats> all)
    {
        var trend = StatsReport.Trend(all);
        if (trend.Count == 0) return;
        var top = Math.Max(1, all.SelectMany(s => s.Votes).Select(v => v.Value).DefaultIfEmpty(5).Max());
        var table = new Table().Title("Average rating across issues").AddColumns("Issue", "Average", "");
        foreach (var (slug, average) in trend)
            table.AddRow(Cell(slug), Average(average), new string('█', (int)Math.Round(BarWidth * average / top)));
        CliConsole.Styled.Write(table);
    }

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Average(double? average) => average is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    // Comments and labels reach the terminal as text only: escape sequences and bidi overrides are neutralised.
    private static string Cell(string text) => Markup.Escape(DisplayText.ForTerminal(text));
}
