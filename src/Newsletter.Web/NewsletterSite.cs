// Builds the reader-facing web application that `newsletter serve` runs.
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsletter.Web.Archive;
using Newsletter.Web.Design;
using Newsletter.Web.Polls;
using Newsletter.Web.Stats;
using Newsletter.Web.Signup;
using Newsletter.Web.Unsubscribe;

namespace Newsletter.Web;

/// <summary>
/// The web application: poll votes, unsubscribe, the issue archive, sign-up, the stats page and the design's logo, on
/// Kestrel. Each feature maps its own route group (<c>MapPolls</c>, <c>MapUnsubscribe</c>, <c>MapArchive</c>,
/// <c>MapStats</c>, <c>MapSignup</c>, <c>MapDesign</c>) and its endpoints take the services of <see cref="SiteServices"/>.
/// </summary>
public static class NewsletterSite
{
    /// <summary>Builds the application for <paramref name="workspace"/>, listening on <paramref name="urls"/> (e.g. <c>http://127.0.0.1:5080</c>).</summary>
    /// <param name="workspace">The workspace served.</param>
    /// <param name="urls">Where Kestrel listens.</param>
    /// <param name="forceLiveSend">Send sign-up confirmations despite placeholder settings (<c>serve --force</c>; see <see cref="SiteServices.AddSiteServices"/>).</param>
    public static WebApplication Build(Workspace workspace, string urls, bool forceLiveSend = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        // Warnings only: request logs would carry personal link tokens and client addresses.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSiteServices(workspace, forceLiveSend);
        AddRateLimits(builder.Services, workspace.Settings.RateLimitPerMinute);
        builder.AddRequestLimits();
        var app = builder.Build();
        // Behind the reverse proxy at baseUrl (on loopback, the default trusted proxy) the client is in X-Forwarded-For.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
        // The logo shows on every page, from baseUrl or its own https host; no other image from elsewhere does.
        var design = workspace.Settings.Design;
        var logoOrigin = design.Logo is not { } logo ? ""
            : " " + (design.LogoIsFile ? IssuePagePolicy.Origin(workspace.Settings.BaseUrl, allowHttp: true) : IssuePagePolicy.Origin(logo, allowHttp: false));
        app.Use(async (context, next) =>
        {
            // Personal tokens sit in URLs: never leak them to other sites through the Referer header.
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers["Content-Security-Policy"] =
                $"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:{logoOrigin}; script-src {PollPages.AutoSubmitScriptSource}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            if (!context.Request.Path.StartsWithSegments("/issues") && context.Request.Path != "/")
                context.Response.Headers.CacheControl = "no-store";
            await next();
        });
        app.UseRequestLimits();
        if (workspace.Settings.RateLimitPerMinute > 0) app.UseRateLimiter();
        app.MapPolls();
        app.MapUnsubscribe();
        app.MapArchive();
        app.MapStats();
        app.MapSignup();
        app.MapDesign();
        return app;
    }

    // One fixed window per client address over every endpoint: enough for a reader, a wall for a flood.
    private static void AddRateLimits(IServiceCollection services, int perMinute)
    {
        if (perMinute <= 0) return;
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
