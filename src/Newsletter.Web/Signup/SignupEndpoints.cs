// The public sign-up form and the confirmation link (double opt-in).
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsletter.Audience.Signup;
using Newsletter.Audience.Suppression;
using Newsletter.Delivery.Transports;
using Newsletter.Web.Pages;
using Newsletter.Delivery.Signup;

namespace Newsletter.Web.Signup;

/// <summary>
/// Maps <c>GET /subscribe</c> (the form), <c>POST /subscribe</c> (form fields <c>email</c>, <c>name</c> and the
/// honeypot <c>website</c>, which people never see and bots fill in), <c>GET /subscribe/confirm/{token}</c> (a page
/// with one button, since link scanners fetch every URL) and <c>POST /subscribe/confirm/{token}</c>, which activates
/// the subscriber and queues the welcome issue for them (sent by the next <c>send --due</c>). Every accepted form
/// gets the same answer, so the form never tells whether an address is known.
/// </summary>
public static class SignupEndpoints
{
    /// <summary>The form's path.</summary>
    public const string FormPath = "/subscribe";

    /// <summary>Name of the honeypot field.</summary>
    public const string Honeypot = "website";

    /// <summary>Adds the sign-up endpoints; confirmation emails go through the workspace's configured transport.</summary>
    public static IEndpointRouteBuilder MapSignup(this IEndpointRouteBuilder app)
    {
        var workspace = app.ServiceProvider.GetRequiredService<Workspace>();
        var signup = Create(workspace);
        var log = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Newsletter.Web.Signup");
        app.MapGet(FormPath, (Workspace w) => Form(w, null));
        app.MapPost(FormPath, (HttpContext context, Workspace w) => SubmitAsync(context, w, signup)).DisableAntiforgery();
        app.MapGet(SignupService.ConfirmPath + "{token}", (string token, Workspace w) =>
            signup.Pending(token) is { } subscriber
                ? Page.Html($"Confirm your subscription to {w.Settings.Name}",
                    $"<p>Confirm that {Page.E(subscriber.Email)} should receive {Page.E(w.Settings.Name)}.</p>" +
                    "<form method=\"post\"><button type=\"submit\">Confirm subscription</button></form>")
                : Page.InvalidLink());
        app.MapPost(SignupService.ConfirmPath + "{token}", (string token, Workspace w) =>
        {
            if (signup.Confirm(token) is not { } subscriber) return Page.InvalidLink();
            QueueWelcome(w, subscriber.Id, log);
            return Page.Html("You are subscribed", $"<p>{Page.E(subscriber.Email)} will receive {Page.E(w.Settings.Name)}. Welcome!</p>");
        }).DisableAntiforgery();
        return app;
    }

    // The reader is subscribed whatever happens here: a broken welcome setup is the editor's to fix, so it is logged
    // (and `send --due` reports it too) rather than shown on the reader's page.
    private static void QueueWelcome(Workspace workspace, long subscriberId, ILogger log)
    {
        try
        {
            workspace.Welcome.Queue(subscriberId);
        }
        catch (NewsletterException e)
        {
            log.LogWarning("No welcome was queued for subscriber {Id}: {Reason}", subscriberId, e.Message);
        }
    }

    private static SignupService Create(Workspace workspace)
    {
        // Errors name the file this run was configured from (--config), where the editor fixes them.
        var mailer = new ConfirmationMailer(workspace.Templates, workspace.Info, workspace.Composer,
            () => TransportFactory.Create(workspace.Settings, workspace.Settings.ConfigFile));
        return new SignupService(workspace.Subscribers, new ErasedAddresses(workspace.Database), workspace.Tokens,
            workspace.Settings.BaseUrl, mailer,
            perAddress: new SignupThrottle(workspace.Clock, limit: 3, TimeSpan.FromHours(1)),
            perClient: new SignupThrottle(workspace.Clock, limit: 20, TimeSpan.FromHours(1)));
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, Workspace workspace, SignupService signup)
    {
        if (!context.Request.HasFormContentType) return Form(workspace, "Please use the form to subscribe.", StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!string.IsNullOrEmpty(form[Honeypot])) return CheckInbox(workspace);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (outcome, reason) = await signup.SignUpAsync(form["email"].ToString(), form["name"].ToString(), client, context.RequestAborted);
        return outcome switch
        {
            SignupOutcome.Invalid => Form(workspace, $"That address does not look right: {reason}.", StatusCodes.Status400BadRequest),
            SignupOutcome.InvalidName => Form(workspace, $"Please check the name: {reason}.", StatusCodes.Status400BadRequest),
            _ => CheckInbox(workspace),
        };
    }

    private static IResult CheckInbox(Workspace workspace) => Page.Html("Check your inbox",
        $"<p>If the address can receive {Page.E(workspace.Settings.Name)}, an email with a confirmation link is on its way. " +
        "Open it and confirm to start receiving issues.</p>");

    private static IResult Form(Workspace workspace, string? error, int status = StatusCodes.Status200OK) => Page.Html(
        $"Subscribe to {workspace.Settings.Name}",
        (error is null ? "" : $"<p role=\"alert\"><strong>{Page.E(error)}</strong></p>") + SignupForm.Html(FormPath), status);
}
