// `newsletter schedule ISSUE --at TIME`: set when `send --due` mails an issue.
using System.CommandLine;
using System.Globalization;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>schedule</c> command.</summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var issue = new Argument<string>("issue") { Description = "The issue file (or the slug of a recorded issue)" };
        var at = new Option<string>("--at") { Description = "When to send: ISO 8601, e.g. 2026-11-23T08:00 (local time) or 2026-11-23T07:00Z", Required = true };
        var command = new Command("schedule", "Set when 'newsletter send --due' (run by cron) mails an issue") { issue, at };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var time = ParseTime(result.GetValue(at)!);
            var record = IssueArgument.Resolve(workspace, result.GetValue(issue)!);
            if (record.Status == "sent") throw new InputException($"'{record.Slug}' has already been sent to everyone");
            workspace.Issues.Schedule(record.Id, time);
            CliConsole.Out.WriteLine($"'{record.Slug}' is scheduled for {time.ToLocalTime():yyyy-MM-dd HH:mm zzz}" +
                (time <= workspace.Clock.GetUtcNow() ? "; that is past, so the next 'send --due' sends it." : "."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    // A time without an offset is the operator's local time, like the times cron uses.
    internal static DateTimeOffset ParseTime(string text, string option = "--at")
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK"];
        if (DateTimeOffset.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time))
            return time;
        throw new InputException($"{option} '{text}' is not a time; write it like 2026-11-23T08:00 (local) or 2026-11-23T07:00Z");
    }
}
