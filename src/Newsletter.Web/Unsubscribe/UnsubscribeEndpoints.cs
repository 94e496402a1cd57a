// One-click unsubscribe (RFC 8058), the footer link's page with one button, and re-subscribing.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Audience;
using Newsletter.Web.Pages;
using Newsletter.Web.Polls;
using Newsletter.Signing;

namespace Newsletter.Web.Unsubscribe;

/// <summary>
/// Maps <c>GET /unsubscribe/{token}</c> (a page with one button, or a re-subscribe button once unsubscribed),
/// <c>POST /unsubscribe/{token}</c>, which unsubscribes at once and answers 200, idempotently: the target of
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058 §3.2, a body of <c>List-Unsubscribe=One-Click</c>,
/// no cookies, no redirect) and of the page's button; and <c>POST /unsubscribe/{token}/resubscribe</c> (with a
/// form token from the page, so a stray POST cannot put someone back on the list). A GET never changes anything:
/// link scanners fetch every URL in a message. Bounced and complained addresses stay suppressed.
/// </summary>
public static class UnsubscribeEndpoints
{
    private static readonly TimeSpan ResubscribeFormLifetime = TimeSpan.FromDays(1);
    private static readonly FormKind[] ResubscribeForms = [FormKind.Resubscribe];

    /// <summary>Adds the unsubscribe endpoints.</summary>
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet(PersonalLinks.UnsubscribePath + "{token}", Show);
        app.MapPost(PersonalLinks.UnsubscribePath + "{token}", Unsubscribe).DisableAntiforgery();
        app.MapPost(PersonalLinks.UnsubscribePath + "{token}/resubscribe", Resubscribe).DisableAntiforgery();
        return app;
    }

    private static IResult Show(string token, Workspace workspace, PollServices polls)
    {
        if (IsTest(token, workspace)) return Page.TestLink();
        if (Find(token, workspace) is not { } subscriber) return Page.InvalidLink();
        if (subscriber.Status is SubscriberStatus.Active or SubscriberStatus.Pending)
            return Page.Html($"Unsubscribe from {workspace.Settings.Name}?",
                $"<p>{Who(subscriber)} will get no more emails from {Page.E(workspace.Settings.Name)}.</p>" +
                "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
        return Unsubscribed(token, subscriber, workspace, polls);
    }

    private static async Task<IResult> Unsubscribe(string token, HttpRequest request, Workspace workspace, PollServices polls,
        CancellationToken cancellationToken)
    {
        if (IsTest(token, workspace)) return Page.TestLink();
        if (!workspace.Tokens.TryVerify(token, LinkPurpose.Unsubscribe, maxAge: null, out var claims) ||
            workspace.Subscribers.FindById(claims.SubscriberId) is not { } subscriber)
            return Page.InvalidLink();
        // A mail client's one-click POST carries this body (RFC 8058 §3.2); the page's own button sends none.
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var source = form?["List-Unsubscribe"].ToString() == "One-Click" ? UnsubscribeSource.OneClick : UnsubscribeSource.Link;
        // Only a subscriber still on the list changes: a bounce or complaint is kept as the stronger reason.
        if (new Unsubscribes(workspace.Database, workspace.Clock).Unsubscribe(subscriber.Id, claims.IssueId, source))
            subscriber = subscriber with { Status = SubscriberStatus.Unsubscribed };
        return Unsubscribed(token, subscriber, workspace, polls);
    }

    private static async Task<IResult> Resubscribe(string token, HttpRequest request, Workspace workspace, PollServices polls, CancellationToken cancellationToken)
    {
        if (IsTest(token, workspace)) return Page.TestLink();
        if (Find(token, workspace) is not { } subscriber) return Page.InvalidLink();
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        if (form is null || !polls.Forms.TryVerify(form["form"], token, ResubscribeFormLifetime, ResubscribeForms, out _, out _))
            return Page.BadForm("This form has expired or was not sent from its page. Please open the unsubscribe link again.");
        if (subscriber.Status is SubscriberStatus.Bounced or SubscriberStatus.Complained) return Unsubscribed(token, subscriber, workspace, polls);
        workspace.Subscribers.SetStatus(subscriber.Id, SubscriberStatus.Active);
        return Page.Html("Welcome back", $"<p>{Who(subscriber)} will get {Page.E(workspace.Settings.Name)} again.</p>");
    }

    private static IResult Unsubscribed(string token, Subscriber subscriber, Workspace workspace, PollServices polls)
    {
        var body = $"<p>{Who(subscriber)} will get no more emails from {Page.E(workspace.Settings.Name)}.</p>";
        if (subscriber.Status == SubscriberStatus.Unsubscribed)
            body += $"<form method=\"post\" action=\"{Page.E(PersonalLinks.UnsubscribePath + token + "/resubscribe")}\">" +
                $"<input type=\"hidden\" name=\"form\" value=\"{Page.E(polls.Forms.Create(FormKind.Resubscribe, token))}\">" +
                "<p>Unsubscribed by mistake? <button type=\"submit\">Subscribe again</button></p></form>";
        else
            body += "<p>Mail to this address could not be delivered, so it stays off the list.</p>";
        return Page.Html("You are unsubscribed", body);
    }

    private static string Who(Subscriber subscriber) => Page.E(subscriber.Email);

    // A test send's links carry subscriber 0: answered, and nobody is unsubscribed.
    private static bool IsTest(string token, Workspace workspace) =>
        workspace.Tokens.TryVerify(token, LinkPurpose.Unsubscribe, maxAge: null, out var claims) && claims.IsTest;

    private static Subscriber? Find(string token, Workspace workspace) =>
        workspace.Tokens.TryVerify(token, LinkPurpose.Unsubscribe, maxAge: null, out var claims)
            ? workspace.Subscribers.FindById(claims.SubscriberId)
            : null;
}
