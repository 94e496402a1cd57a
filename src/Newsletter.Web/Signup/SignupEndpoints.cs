// The public sign-up form and the confirmation link (double opt-in).
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Newsletter.Audience.Signup;
using Newsletter.Delivery;
using Newsletter.Rendering;
using Newsletter.Web.Pages;

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

    // SignupService.ConfirmPath ("/subscribe/confirm/") below the group's own path.
    private static readonly string ConfirmRoute = SignupService.ConfirmPath[FormPath.Length..] + "{token}";

    /// <summary>Adds the sign-up endpoints; confirmation emails go through the workspace's configured transport (see <see cref="SiteServices"/>).</summary>
    public static IEndpointRouteBuilder MapSignup(this IEndpointRouteBuilder app)
    {
        // The form and the confirmation page post back to themselves; the honeypot and the throttles guard them.
        var signup = app.MapGroup(FormPath).DisableAntiforgery();
        signup.MapGet("/", (NewsletterInfo newsletter) => Form(newsletter, null));
        signup.MapPost("/", SubmitAsync);
        signup.MapGet(ConfirmRoute, ConfirmPage);
        signup.MapPost(ConfirmRoute, Confirm);
        return app;
    }

    private static PageResult ConfirmPage(string token, SignupService signup, NewsletterInfo newsletter) =>
        signup.Pending(token) is { } subscriber
            ? Page.Html($"Confirm your subscription to {newsletter.Name}",
                $"<p>Confirm that {Page.E(subscriber.Email)} should receive {Page.E(newsletter.Name)}.</p>" +
                "<form method=\"post\"><button type=\"submit\">Confirm subscription</button></form>")
            : Page.InvalidLink();

    private static PageResult Confirm(string token, SignupService signup, NewsletterInfo newsletter, WelcomeQueue welcome, ILoggerFactory logs)
    {
        if (signup.Confirm(token) is not { } subscriber) return Page.InvalidLink();
        QueueWelcome(welcome, subscriber.Id, logs.CreateLogger("Newsletter.Web.Signup"));
        return Page.Html("You are subscribed", $"<p>{Page.E(subscriber.Email)} will receive {Page.E(newsletter.Name)}. Welcome!</p>");
    }

    // The reader is subscribed whatever happens here: a broken welcome setup is the editor's to fix, so it is logged
    // (and `send --due` reports it too) rather than shown on the reader's page.
    private static void QueueWelcome(WelcomeQueue welcome, long subscriberId, ILogger log)
    {
        try
        {
            welcome.Queue(subscriberId);
        }
        catch (NewsletterException e)
        {
            log.LogWarning("No welcome was queued for subscriber {Id}: {Reason}", subscriberId, e.Message);
        }
    }

    private static async Task<PageResult> SubmitAsync(HttpContext context, SignupService signup, NewsletterInfo newsletter)
    {
        if (!context.Request.HasFormContentType) return Form(newsletter, "Please use the form to subscribe.", StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!string.IsNullOrEmpty(form[Honeypot])) return CheckInbox(newsletter);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (outcome, reason) = await signup.SignUpAsync(form["email"].ToString(), form["name"].ToString(), client, context.RequestAborted);
        return outcome switch
        {
            SignupOutcome.Invalid => Form(newsletter, $"That address does not look right: {reason}.", StatusCodes.Status400BadRequest),
            SignupOutcome.InvalidName => Form(newsletter, $"Please check the name: {reason}.", StatusCodes.Status400BadRequest),
            _ => CheckInbox(newsletter),
        };
    }

    private static PageResult CheckInbox(NewsletterInfo newsletter) => Page.Html("Check your inbox",
        $"<p>If the address can receive {Page.E(newsletter.Name)}, an email with a confirmation link is on its way. " +
        "Open it and confirm to start receiving issues.</p>");

    private static PageResult Form(NewsletterInfo newsletter, string? error, int status = StatusCodes.Status200OK) => Page.Html(
        $"Subscribe to {newsletter.Name}",
        (error is null ? "" : $"<p role=\"alert\"><strong>{Page.E(error)}</strong></p>") + SignupForm.Html(FormPath), status);
}
