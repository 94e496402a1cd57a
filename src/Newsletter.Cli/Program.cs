// The `newsletter` command: each subcommand is one step of an editor's or a scheduler's work.
using System.CommandLine;
using System.CommandLine.Help;
using Newsletter.Cli;
using Newsletter.Cli.Commands;
using Newsletter.Cli.Commands.Subscribers;

// A RootCommand names itself after the running file (Newsletter.Cli under `dotnet Newsletter.Cli.dll`); help, errors
// and suggestions must say the command people type, the tool's `newsletter`.
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
    QuickstartCommand.Create(),    // the main job on the embedded defaults, for a first look
};
root.Options.Add(CommonOptions.Config);
TerminalOutput.Install();
return await root.Parse(args).InvokeAsync();
