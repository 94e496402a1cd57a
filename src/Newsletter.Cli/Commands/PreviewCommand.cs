// `newsletter preview ISSUE.md`: a local page showing the issue as a subscriber sees it, reloading on every change.
using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newsletter.Configuration;

namespace Newsletter.Cli.Commands;

/// <summary>
/// The <c>preview</c> command: its own small Kestrel app on 127.0.0.1 (the reader-facing site's strict CSP
/// forbids the reload script): <c>/</c> the page, <c>/email.html?subscriber=E&amp;scheme=light|dark</c>,
/// <c>/email.txt?subscriber=E</c> and <c>/version</c>.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var issue = new Argument<string>("issue") { Description = "The issue file to preview" };
        var subscriber = new Option<string?>("--subscriber") { Description = "Show the issue as this subscriber sees it (default: a sample subscriber)" };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5081 };
        var command = new Command("preview", "Preview an issue in the browser at desktop and phone widths, light and dark, with its text part") { issue, subscriber, port };
        command.SetAction((result, cancellationToken) => CommandRunner.Run(async () =>
        {
            var path = result.GetValue(issue)!;
            var file = RunEnvironment.Current.FullPathOfArgument(path);
            if (!File.Exists(file)) throw new FileNotFoundException($"{path}: no such issue file");
            var session = new PreviewSession(RunEnvironment.Current.FullPath(result.GetValue(CommonOptions.Config)!), file);
            await using var app = Build(session, result.GetValue(subscriber) ?? "", result.GetValue(port));
            await app.StartAsync(cancellationToken);
            CliConsole.Out.WriteLine($"Previewing {path} at {string.Join(", ", app.Urls)} (reloads on changes). Ctrl+C stops.");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static WebApplication Build(PreviewSession session, string defaultSubscriber, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        string Who(HttpRequest request) => request.Query["subscriber"].FirstOrDefault() ?? defaultSubscriber;
        app.MapGet("/", (HttpRequest request) =>
        {
            var (_, _, subscribers) = session.Render(Who(request));
            return Results.Content(PreviewPage.Render(session.Title, Who(request), subscribers, session.Version()), "text/html; charset=utf-8");
        });
        app.MapGet("/email.html", (HttpRequest request) =>
        {
            var (email, error, _) = session.Render(Who(request));
            var scheme = request.Query["scheme"].FirstOrDefault() == "dark" ? "dark" : "light";
            return Results.Content(email is null ? PreviewPage.Error(error ?? "") : PreviewPage.WithScheme(email.Html, scheme), "text/html; charset=utf-8");
        });
        app.MapGet("/email.txt", (HttpRequest request) =>
        {
            var (email, error, _) = session.Render(Who(request));
            return Results.Text(email is null ? error ?? "" : $"Subject: {email.Subject}\n\n{email.Text}", "text/plain; charset=utf-8");
        });
        app.MapGet("/version", () => Results.Text(session.Version()));
        return app;
    }
}
