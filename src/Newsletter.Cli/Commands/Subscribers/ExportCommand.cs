// `newsletter subscribers export`: the list as CSV (which import reads back) or JSON, streamed.
using System.CommandLine;
using Newsletter.Audience;
using Newsletter.Audience.Export;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands.Subscribers;

/// <summary>The <c>subscribers export</c> command.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Only subscribers with this status (active, pending, unsubscribed, bounced, complained)" };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export subscribers as CSV (re-importable) or JSON") { status, format, output };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var filter = result.GetValue(status) is { } text ? Status(text) : (SubscriberStatus?)null;
            var kind = result.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv;
            var exporter = new SubscriberExporter(workspace.Subscribers, workspace.KnownFields);
            var path = result.GetValue(output);
            using var stream = path is null ? CliConsole.OpenOutput() : File.Create(RunEnvironment.Current.FullPath(path));
            var count = exporter.Export(stream, kind, filter);
            if (path is not null) CliConsole.Out.WriteLine($"Exported {count} subscriber(s) to {path}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static SubscriberStatus Status(string text) => SubscriberStatusText.TryParse(text, out var status)
        ? status
        : throw new InputException($"--status '{text}' is not a status; use active, pending, unsubscribed, bounced or complained");
}
