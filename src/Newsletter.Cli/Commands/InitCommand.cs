// `newsletter init DIR`: a new workspace with a configuration, the default templates and a first issue.
using System.CommandLine;
using System.Reflection;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>init</c> command.</summary>
internal static class InitCommand
{
    private const string TemplatePrefix = "templates/";

    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "Folder for the new workspace (created if missing)" };
        var command = new Command("init", "Create a workspace: newsletter.json, templates/ and issues/ (a first issue and a sample list)") { directory };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var root = Directory.CreateDirectory(RunEnvironment.Current.FullPath(result.GetValue(directory)!)).FullName;
            var config = Path.Combine(root, SettingsLoader.DefaultFileName);
            if (File.Exists(config))
            {
                CliConsole.Error.WriteLine($"error: {config} already exists; nothing was changed.");
                return ExitCodes.InputError;
            }
            WriteTemplates(Path.Combine(root, "templates"));
            var issues = Directory.CreateDirectory(Path.Combine(root, "issues")).FullName;
            var today = DateTime.Today.ToString("yyyy-MM-dd");
            File.WriteAllText(Path.Combine(issues, $"{today}-first-issue.md"), FirstIssue(today));
            SampleList.WriteTo(Path.Combine(root, SampleList.DefaultPath));
            File.WriteAllText(config, DefaultConfig);
            File.WriteAllText(Path.Combine(root, ".gitignore"), "*.db\n*.db-wal\n*.db-shm\noutbox/\nout/\n");
            CliConsole.Out.WriteLine($"Created a workspace in {root}.");
            CliConsole.Out.WriteLine($"Next: try 'newsletter quickstart' (the sample list in {SampleList.DefaultPath}, sent to the outbox), then edit {config} and add your subscribers.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteTemplates(string target)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(TemplatePrefix, StringComparison.Ordinal)))
        {
            var file = Path.Combine(target, name[TemplatePrefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var destination = File.Create(file);
            source.CopyTo(destination);
        }
    }

    private const string DefaultConfig = """
        {
          "name": "My Newsletter",
          "from": "My Newsletter <newsletter@example.com>",
          "baseUrl": "http://127.0.0.1:5080",
          "postalAddress": "1 Example Street, Example City",
          "database": "newsletter.db",
          "issues": "issues",
          "templates": "templates",
          "transport": "outbox:outbox",
          "smtp": { "security": "starttls", "username": "", "connections": 4 }
        }

        """;

    private static string FirstIssue(string date) => $"""
        ---
        title: Our first issue
        preheader: What this newsletter is about, and how to tell us what you think
        date: {date}
        ---
        Hello {"{{ subscriber.first_name | default: 'there' }}"},

        This is the first issue. Write in **Markdown**; links like [this one](https://example.com) work as usual.

        ## What is coming

        - One short item per line.
        - A link to read more.

        Rate this issue below: it takes one click.

        """;
}
