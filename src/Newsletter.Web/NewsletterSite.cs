// Builds the reader-facing web application that `newsletter serve` runs.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsletter.Web.Archive;
using Newsletter.Web.Polls;
using Newsletter.Web.Signup;
using Newsletter.Web.Unsubscribe;

namespace Newsletter.Web;

/// <summary>The web application: poll votes, unsubscribe and the issue archive, on Kestrel.</summary>
public static class NewsletterSite
{
    /// <summary>Builds the application for <paramref name="workspace"/>, listening on <paramref name="urls"/> (e.g. <c>http://127.0.0.1:5080</c>).</summary>
    public static WebApplication Build(Workspace workspace, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(workspace);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Personal tokens sit in URLs: never leak them to other sites through the Referer header.
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            await next();
        });
        app.MapPolls();
        app.MapUnsubscribe();
        app.MapArchive();
        app.MapSignup();
        return app;
    }
}
