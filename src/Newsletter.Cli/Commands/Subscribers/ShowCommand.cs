// `newsletter subscribers show EMAIL`: everything stored about one person, e.g. for a data access request.
using System.CommandLine;
using System.Text.Json;
using Newsletter.Audience;
using Newsletter.Audience.Suppression;
using Newsletter.Text;

namespace Newsletter.Cli.Commands.Subscribers;

/// <summary>The <c>subscribers show</c> command.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The subscriber's address" };
        var format = new Option<string>("--format") { Description = "json (all data) or text", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("show", "Show all data stored about a subscriber (--format json for a data access request)") { email, format };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            if (workspace.Subscribers.FindByEmail(result.GetValue(email)!) is not { } subscriber)
            {
                CliConsole.Error.WriteLine($"error: {result.GetValue(email)} is not on the list.");
                return ExitCodes.InputError;
            }
            if (result.GetValue(format) == "json")
            {
                using var stdout = CliConsole.OpenOutput();
                using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                new PersonalData(workspace.Database).Write(subscriber, writer);
                writer.Flush();
                stdout.WriteByte((byte)'\n');
                return ExitCodes.Ok;
            }
            CliConsole.Out.WriteLine($"{subscriber.Email} ({subscriber.Status.ToText()})");
            CliConsole.Out.WriteLine($"  name: {DisplayText.ForTerminal(subscriber.Name)}");
            if (subscriber.GivenName is not null || subscriber.FamilyName is not null)
                CliConsole.Out.WriteLine($"  first name: {DisplayText.ForTerminal(subscriber.GivenName)}\n  last name: {DisplayText.ForTerminal(subscriber.FamilyName)}");
            CliConsole.Out.WriteLine($"  tags: {string.Join(' ', subscriber.Tags)}\n  source: {DisplayText.ForTerminal(subscriber.Source)}");
            CliConsole.Out.WriteLine($"  created: {subscriber.CreatedAt:u}\n  confirmed: {subscriber.ConfirmedAt:u}\n  status changed: {subscriber.StatusChangedAt:u}");
            foreach (var (key, value) in subscriber.Fields) CliConsole.Out.WriteLine($"  {DisplayText.ForTerminal(key)}: {DisplayText.ForTerminal(value)}");
            foreach (var bounce in new Delivery.Bounces.BounceStore(workspace.Database).OfSubscriber(subscriber.Id))
                CliConsole.Out.WriteLine(DisplayText.ForTerminal($"  {Delivery.Bounces.BounceKindText.ToText(bounce.Kind)}: {bounce.Issue ?? "-"} {bounce.StatusCode ?? ""} {bounce.Diagnostic ?? ""}".TrimEnd()));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
