// `newsletter subscribers ...`: managing the list; each subcommand lives in its own file in this folder.
using System.CommandLine;
using Newsletter.Audience;
using Newsletter.Audience.Suppression;
using Newsletter.Text;
using Spectre.Console;

namespace Newsletter.Cli.Commands.Subscribers;

/// <summary>The <c>subscribers</c> command group.</summary>
internal static class SubscribersCommand
{
    public static Command Create() => new("subscribers", "Manage the subscriber list")
    {
        Add(), ImportCommand.Create(), ExportCommand.Create(), List(), CountCommand.Create(), Remove(),
        ShowCommand.Create(), ForgetCommand.Create(), UnsuppressCommand.Create(),
    };

    private static Command Add()
    {
        var email = new Argument<string>("email") { Description = "The subscriber's address" };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var tags = new Option<string[]>("--tag") { Description = "A tag (repeat for several)", AllowMultipleArgumentsPerToken = false };
        var welcome = new Option<bool>("--welcome") { Description = "Send them the welcome issue (welcome: true) now, once: a rerun never sends it twice" };
        var force = CommonOptions.Force();
        var command = new Command("add", "Add a subscriber (or update the name and tags of an existing one)") { email, name, tags, welcome, force };
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var configPath = result.GetValue(CommonOptions.Config)!;
            var workspace = Workspace.Open(configPath);
            var address = EmailAddress.Normalize(result.GetValue(email)!);
            if (!SubscriberName.TryValidate(result.GetValue(name), out var reason))
            {
                CliConsole.Error.WriteLine($"error: --name: {reason}; nothing was changed.");
                return ExitCodes.InputError;
            }
            if (new ErasedAddresses(workspace.Database).IsErased(address))
            {
                CliConsole.Error.WriteLine($"error: {address} asked to be forgotten; it is suppressed and was not added.");
                return ExitCodes.InputError;
            }
            // Looked up before anything is written, so a missing or doubled welcome issue changes nothing.
            var welcomeIssue = result.GetValue(welcome) ? workspace.Welcome.Find() : null;
            if (result.GetValue(welcome) && welcomeIssue is null)
            {
                CliConsole.Error.WriteLine("error: " + WelcomeSend.NoWelcomeIssue(workspace.Settings.Issues));
                return ExitCodes.InputError;
            }
            // A welcome the send would refuse is refused before anyone is added, so none waits unsent.
            if (welcomeIssue is not null) Delivery.LiveSendRule.Enforce(workspace.Settings, result.GetValue(force));
            var subscriber = workspace.Subscribers.Add(address, result.GetValue(name), tags: result.GetValue(tags) ?? []);
            CliConsole.Out.WriteLine($"{subscriber.Email} is on the list ({subscriber.Status.ToText()}).");
            if (welcomeIssue is null) return ExitCodes.Ok;
            if (subscriber.Status != SubscriberStatus.Active)
            {
                CliConsole.Out.WriteLine($"No welcome: {subscriber.Email} is {subscriber.Status.ToText()}.");
                return ExitCodes.Ok;
            }
            workspace.Welcome.Queue(subscriber.Id);
            return await WelcomeSend.SendWaitingAsync(workspace, configPath, welcomeIssue, cancellationToken, result.GetValue(force));
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List subscribers");
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var table = new Table().AddColumns("Email", "Name", "Status", "Tags", "Fields");
            var count = 0;
            foreach (var s in workspace.Subscribers.List())
            {
                table.AddRow(Cell(s.Email), Cell(s.Name), s.Status.ToText(), Cell(string.Join(' ', s.Tags)),
                    Cell(string.Join(", ", s.Fields.Select(f => $"{f.Key}={f.Value}"))));
                count++;
            }
            CliConsole.Styled.Write(table);
            CliConsole.Out.WriteLine($"{count} subscriber(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Remove()
    {
        var email = new Argument<string>("email") { Description = "The subscriber's address" };
        var command = new Command("remove", "Unsubscribe an address; it is kept as suppressed so it is never mailed again") { email };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var subscriber = workspace.Subscribers.FindByEmail(result.GetValue(email)!);
            if (subscriber is null)
            {
                CliConsole.Error.WriteLine($"error: {result.GetValue(email)} is not on the list.");
                return ExitCodes.InputError;
            }
            // A bounced or complained address keeps that status: it is the stronger reason to stay off the list.
            if (!new Unsubscribes(workspace.Database, workspace.Clock).Unsubscribe(subscriber.Id, null, UnsubscribeSource.Cli) &&
                subscriber.Status is SubscriberStatus.Bounced or SubscriberStatus.Complained)
            {
                CliConsole.Out.WriteLine($"{subscriber.Email} is {subscriber.Status.ToText()} and stays off the list.");
                return ExitCodes.Ok;
            }
            CliConsole.Out.WriteLine($"{subscriber.Email} is unsubscribed.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    // Names and fields are what people typed: no escape sequence or bidi override may reach the terminal.
    private static string Cell(string? text) => Markup.Escape(DisplayText.ForTerminal(text));
}
