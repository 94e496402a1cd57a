// `newsletter subscribers count --segment EXPR`: who would get an issue sent to that segment.
using System.CommandLine;
using Newsletter.Audience.Segments;

namespace Newsletter.Cli.Commands.Subscribers;

/// <summary>The <c>subscribers count</c> command.</summary>
internal static class CountCommand
{
    public static Command Create()
    {
        var segment = new Option<string?>("--segment") { Description = "A segment, e.g. \"tag:rust and not tag:beginner\" or \"plan = pro\"" };
        var command = new Command("count", "Count the active subscribers an issue would go to (optionally within a segment)") { segment };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var expression = result.GetValue(segment);
            var compiled = string.IsNullOrWhiteSpace(expression) ? CompiledSegment.Everyone : CompiledSegment.Compile(expression, "--segment", workspace.HasField);
            CliConsole.Out.WriteLine(workspace.Subscribers.Count(compiled));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
