// `newsletter subscribers add|import|list|remove`: managing the list.
using System.CommandLine;
using Newsletter.Audience;
using Spectre.Console;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>subscribers</c> command group.</summary>
internal static class SubscribersCommand
{
    public static Command Create() => new("subscribers", "Manage the subscriber list")
    {
        Add(), Import(), List(), Remove(),
    };

    private static Command Add()
    {
        var email = new Argument<string>("email") { Description = "The subscriber's address" };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var command = new Command("add", "Add a subscriber (or update the name of an existing one)") { email, name };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var subscriber = workspace.Subscribers.Add(result.GetValue(email)!, result.GetValue(name));
            Console.WriteLine($"{subscriber.Email} is on the list ({subscriber.Status.ToText()}).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "CSV file with a header line: email,name and any custom fields" };
        var command = new Command("import", "Import subscribers from a CSV file; any bad row means nothing is imported") { file };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var importer = new SubscriberCsvImporter(workspace.Database, workspace.Subscribers);
            try
            {
                var imported = importer.Import(result.GetValue(file)!);
                Console.WriteLine($"Imported {imported.Imported} subscriber(s).");
                return ExitCodes.Ok;
            }
            catch (CsvImportException e)
            {
                foreach (var problem in e.Problems)
                    Console.Error.WriteLine($"error: {new SourcePosition(result.GetValue(file)!, problem.Line, problem.Column)}: {problem.Reason}");
                Console.Error.WriteLine($"Nothing was imported: {e.Problems.Count} problem(s).");
                return ExitCodes.InputError;
            }
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List subscribers");
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var table = new Table().AddColumns("Email", "Name", "Status", "Fields");
            var count = 0;
            foreach (var s in workspace.Subscribers.List())
            {
                table.AddRow(Markup.Escape(s.Email), Markup.Escape(s.Name ?? ""), s.Status.ToText(),
                    Markup.Escape(string.Join(", ", s.Fields.Select(f => $"{f.Key}={f.Value}"))));
                count++;
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"{count} subscriber(s).");
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
                Console.Error.WriteLine($"error: {result.GetValue(email)} is not on the list.");
                return ExitCodes.InputError;
            }
            workspace.Subscribers.SetStatus(subscriber.Id, SubscriberStatus.Unsubscribed);
            Console.WriteLine($"{subscriber.Email} is unsubscribed.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
