// `newsletter serve`: the web endpoints readers reach from their email.
using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Newsletter.Web;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>serve</c> command.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Serve poll votes, unsubscribe links and the issue archive") { urls };
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            await using var app = NewsletterSite.Build(workspace, result.GetValue(urls)!);
            await app.StartAsync(cancellationToken);
            CliConsole.Out.WriteLine($"Listening on {string.Join(", ", app.Urls)}; links in emails point to {workspace.Settings.BaseUrl}. Ctrl+C stops.");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
