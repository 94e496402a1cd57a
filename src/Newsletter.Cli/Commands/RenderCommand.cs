// `newsletter render ISSUE.md`: writes what one subscriber would receive, for looking at before sending.
using System.CommandLine;
using Newsletter.Checks;
using Newsletter.Delivery.Messages;
using Newsletter.Rendering;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>render</c> command.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var issue = new Argument<string>("issue") { Description = "The issue file, e.g. issues/2026-11-20-slug.md" };
        var subscriber = new Option<string?>("--subscriber") { Description = "Render for this subscriber (default: a sample subscriber)" };
        var output = new Option<string>("--out") { Description = "Folder for the .html, .txt and .eml files", DefaultValueFactory = _ => "out" };
        var command = new Command("render", "Write the HTML, text and .eml a subscriber would get") { issue, subscriber, output };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var parsed = workspace.LoadIssue(RunEnvironment.Current.FullPathOfArgument(result.GetValue(issue)!));
            var recipient = result.GetValue(subscriber) is { } email
                ? workspace.Subscribers.FindByEmail(email) ?? throw new InputException($"{email} is not on the list")
                : SampleSubscriber.Instance;
            // What would be sent, so the send service's checks apply: errors stop here; warnings are printed.
            var sendable = workspace.ReadyToSend(parsed);
            ReportWarnings(sendable.Warnings);
            var rendered = sendable.Renderer.Render(recipient);
            var message = workspace.Composer().Compose(rendered, recipient, $"{parsed.Slug}.{recipient.Id}@preview",
                parsed.Slug);
            var folder = Directory.CreateDirectory(RunEnvironment.Current.FullPath(result.GetValue(output)!)).FullName;
            var stem = Path.Combine(folder, parsed.Slug);
            File.WriteAllText(stem + ".html", rendered.Html);
            File.WriteAllText(stem + ".txt", rendered.Text);
            File.WriteAllBytes(stem + ".eml", WireFormat.ToBytes(message));
            CliConsole.Out.WriteLine($"Rendered '{parsed.Title}' for {recipient.Email}:");
            foreach (var extension in new[] { ".html", ".txt", ".eml" })
                CliConsole.Out.WriteLine($"  {stem}{extension} ({new FileInfo(stem + extension).Length:N0} bytes)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static void ReportWarnings(CheckReport report)
    {
        foreach (var finding in report.Findings) CliConsole.Error.WriteLine(finding);
    }
}
