// One-click unsubscribe (RFC 8058) and the footer link's confirmation page.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Audience;
using Newsletter.Polls;
using Newsletter.Web.Pages;

namespace Newsletter.Web.Unsubscribe;

/// <summary>
/// Maps <c>GET /unsubscribe/{token}</c> (a page with one button) and <c>POST /unsubscribe/{token}</c>, which
/// unsubscribes at once and answers 200, idempotently: the target of <c>List-Unsubscribe-Post:
/// List-Unsubscribe=One-Click</c> (RFC 8058 §3.2) and of the page's button.
/// </summary>
public static class UnsubscribeEndpoints
{
    /// <summary>Adds the unsubscribe endpoints.</summary>
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet(PersonalLinks.UnsubscribePath + "{token}", (string token, Workspace workspace) => Confirm(token, workspace));
        app.MapPost(PersonalLinks.UnsubscribePath + "{token}", (string token, Workspace workspace) => Unsubscribe(token, workspace))
            .DisableAntiforgery();
        return app;
    }

    // A GET never unsubscribes: link scanners fetch every URL in a message.
    private static IResult Confirm(string token, Workspace workspace)
    {
        if (Find(token, workspace) is not { } subscriber) return Page.InvalidLink();
        return Page.Html($"Unsubscribe from {workspace.Settings.Name}?",
            $"<p>{Page.E(subscriber.Email)} will get no more emails from {Page.E(workspace.Settings.Name)}.</p>" +
            $"<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    private static IResult Unsubscribe(string token, Workspace workspace)
    {
        if (Find(token, workspace) is not { } subscriber) return Page.InvalidLink();
        workspace.Subscribers.SetStatus(subscriber.Id, SubscriberStatus.Unsubscribed);
        return Page.Html("You are unsubscribed",
            $"<p>{Page.E(subscriber.Email)} will get no more emails from {Page.E(workspace.Settings.Name)}.</p>");
    }

    private static Subscriber? Find(string token, Workspace workspace) =>
        workspace.Tokens.TryVerify(token, LinkPurpose.Unsubscribe, maxAge: null, out var claims)
            ? workspace.Subscribers.FindById(claims.SubscriberId)
            : null;
}
