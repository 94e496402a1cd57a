// The `newsletter` command: each subcommand is one step of an editor's or a scheduler's work.
using System.CommandLine;
using System.CommandLine.Help;
using Newsletter.Cli.Commands;
using Newsletter.Cli.Commands.Subscribers;
using Newsletter.Configuration;

namespace Newsletter.Cli;

/// <summary>
/// Runs the command: as its own process (<c>Program.cs</c>), or in a host's process with its own output, input,
/// environment variables and working folder, so several runs can share one process at the same time.
/// </summary>
public static class CliApp
{
    // Built once: the tree of commands is only read when parsing, and parsing is kept to one run at a time.
    private static readonly Lazy<Command> Root = new(Build);
    private static readonly Lock ParseLock = new();

    /// <summary>Runs the command in this process as the process itself: its console, environment and current folder.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (see the README's exit codes).</returns>
    public static Task<int> RunAsync(string[] args) =>
        InvokeAsync(args, CliConsole.UseProcess, RunEnvironment.Process, new InvocationConfiguration(), CancellationToken.None);

    /// <summary>Runs the command as if in its own process, with <paramref name="output"/> and <paramref name="error"/> for a pipe.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="input">Standard input; empty when null.</param>
    /// <param name="environment">Variables over the process's own; a null value unsets one.</param>
    /// <param name="workingDirectory">The absolute folder relative paths start from.</param>
    /// <param name="cancellationToken">Stops the command as Ctrl+C would.</param>
    /// <returns>The exit code the process would have had.</returns>
    /// <exception cref="ArgumentException"><paramref name="workingDirectory"/> is not absolute.</exception>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Stream? input,
        IReadOnlyDictionary<string, string?> environment, string workingDirectory, CancellationToken cancellationToken = default)
    {
        var run = new RunEnvironment(workingDirectory, environment);
        // The host's process is not this run's: Ctrl+C and SIGTERM stay the host's.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return InvokeAsync(args, () => CliConsole.UseWriters(output, error, input, run.Variable(TerminalOutput.NoColorVariable)), run, configuration, cancellationToken);
    }

    private static async Task<int> InvokeAsync(string[] args, Action useConsole, RunEnvironment environment,
        InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        useConsole();
        RunEnvironment.Use(environment);
        ParseResult parsed;
        lock (ParseLock) parsed = Root.Value.Parse(args);
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    // A RootCommand names itself after the running file (Newsletter.Cli under `dotnet Newsletter.Cli.dll`); help,
    // errors and suggestions must say the command people type, the tool's `newsletter`.
    private static Command Build()
    {
        var root = new Command(CommandName.Value, "Write newsletter issues in Markdown, mail them to your list, and read the ratings.")
        {
            new HelpOption(),
            new VersionOption(),
            InitCommand.Create(),          // a new workspace: config, templates, issues/
            SubscribersCommand.Create(),   // the list: add, import, export, list, count, remove, show, forget
            RenderCommand.Create(),        // what one subscriber would get, as .html, .txt and .eml
            CheckCommand.Create(),         // pre-send rules: templates, size, links, images, CSS
            PreviewCommand.Create(),       // live preview on 127.0.0.1, reloading on every change
            SendCommand.Create(),          // mail an issue, or every due issue (cron); pause, resume, cancel
            ScheduleCommand.Create(),      // when `send --due` mails an issue
            StatusCommand.Create(),        // where each issue's send stands
            BouncesCommand.Create(),       // bounces and complaints that came back as mail: import, fetch
            ServeCommand.Create(),         // poll votes, unsubscribe, archive
            StatsCommand.Create(),         // ratings per issue
            DbCommand.Create(),            // the schema: migrate, version, copy into PostgreSQL
            QuickstartCommand.Create(),    // the main job on the embedded defaults, for a first look
        };
        root.Options.Add(CommonOptions.Config);
        return root;
    }
}
