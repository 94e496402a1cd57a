// `newsletter serve`: the web endpoints readers reach from their email.
using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Newsletter.Delivery;
using Newsletter.Web;

namespace Newsletter.Cli.Commands;

/// <summary>The <c>serve</c> command.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var force = CommonOptions.Force();
        var command = new Command("serve", "Serve poll votes, unsubscribe links and the issue archive") { urls, force };
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var forced = result.GetValue(force);
            await using var app = NewsletterSite.Build(workspace, result.GetValue(urls)!, forced);
            await app.StartAsync(cancellationToken);
            CliConsole.Out.WriteLine($"Listening on {string.Join(", ", app.Urls)}; links in emails point to {workspace.Settings.BaseUrl}. Ctrl+C stops.");
            // Votes and unsubscribes work anyway; only the mail serve would send is held back, and the operator should know why now.
            if (!forced && LiveSendRule.IsLive(workspace.Settings.Transport) && LiveSendRule.Find(workspace.Settings) is [var first, ..])
                CliConsole.Error.WriteLine($"warning: sign-up confirmations will not be sent through {workspace.Settings.Transport}: " +
                    $"'{first.Setting}' {first.Reason}; set a real one or run serve {LiveSendRule.ForceOption}");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
