// One-click unsubscribe (RFC 8058), the footer link's page with one button, and re-subscribing.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Audience;
using Newsletter.Rendering;
using Newsletter.Signing;
using Newsletter.Web.Links;
using Newsletter.Web.Pages;

namespace Newsletter.Web.Unsubscribe;

/// <summary>
/// Maps <c>GET /unsubscribe/{token}</c> (a page with one button, or a re-subscribe button once unsubscribed),
/// <c>POST /unsubscribe/{token}</c>, which unsubscribes at once and answers 200, idempotently: the target of
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058 §3.2, a body of <c>List-Unsubscribe=One-Click</c>,
/// no cookies, no redirect) and of the page's button; and <c>POST /unsubscribe/{token}/resubscribe</c> (with a
/// form token from the page, so a stray POST cannot put someone back on the list). A GET never changes anything:
/// link scanners fetch every URL in a message. Bounced and complained addresses stay suppressed. The group's
/// <see cref="SignedLinkFilter{TTarget}"/> checks each link and finds its subscriber before a handler runs.
/// </summary>
public static class UnsubscribeEndpoints
{
    private static readonly TimeSpan ResubscribeFormLifetime = TimeSpan.FromDays(1);
    private static readonly FormKind[] ResubscribeForms = [FormKind.Resubscribe];

    /// <summary>Adds the unsubscribe endpoints under <c>/unsubscribe/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        // RFC 8058 one-click POSTs carry no antiforgery token; re-subscribing checks our own form token.
        var unsubscribe = app.MapGroup(PersonalLinks.UnsubscribePath.TrimEnd('/'))
            .AddEndpointFilter(new SignedLinkFilter<Subscriber>(LinkPurpose.Unsubscribe, maxAge: null, FindSubscriber))
            .DisableAntiforgery();
        unsubscribe.MapGet("/{token}", Show);
        unsubscribe.MapPost("/{token}", Unsubscribe);
        unsubscribe.MapPost("/{token}/resubscribe", Resubscribe);
        return app;
    }

    private static PageResult Show(HttpContext context, NewsletterInfo newsletter, FormToken forms)
    {
        var link = SignedLink<Subscriber>.Of(context);
        var subscriber = link.Target;
        if (subscriber.Status is SubscriberStatus.Active or SubscriberStatus.Pending)
            return Page.Html($"Unsubscribe from {newsletter.Name}?",
                $"<p>{Who(subscriber)} will get no more emails from {Page.E(newsletter.Name)}.</p>" +
                "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
        return Unsubscribed(link.Token, subscriber, newsletter, forms);
    }

    private static async Task<PageResult> Unsubscribe(HttpContext context, Unsubscribes unsubscribes, NewsletterInfo newsletter, FormToken forms,
        CancellationToken cancellationToken)
    {
        var link = SignedLink<Subscriber>.Of(context);
        var subscriber = link.Target;
        // A mail client's one-click POST carries this body (RFC 8058 §3.2); the page's own button sends none.
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(cancellationToken) : null;
        var source = form?["List-Unsubscribe"].ToString() == "One-Click" ? UnsubscribeSource.OneClick : UnsubscribeSource.Link;
        // Only a subscriber still on the list changes: a bounce or complaint is kept as the stronger reason.
        if (unsubscribes.Unsubscribe(subscriber.Id, link.Claims.IssueId, source))
            subscriber = subscriber with { Status = SubscriberStatus.Unsubscribed };
        return Unsubscribed(link.Token, subscriber, newsletter, forms);
    }

    private static async Task<PageResult> Resubscribe(HttpContext context, SubscriberStore subscribers, NewsletterInfo newsletter, FormToken forms,
        CancellationToken cancellationToken)
    {
        var link = SignedLink<Subscriber>.Of(context);
        var subscriber = link.Target;
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(cancellationToken) : null;
        if (form is null || !forms.TryVerify(form["form"], link.Token, ResubscribeFormLifetime, ResubscribeForms, out _, out _))
            return Page.BadForm("This form has expired or was not sent from its page. Please open the unsubscribe link again.");
        if (subscriber.Status is SubscriberStatus.Bounced or SubscriberStatus.Complained) return Unsubscribed(link.Token, subscriber, newsletter, forms);
        subscribers.SetStatus(subscriber.Id, SubscriberStatus.Active);
        return Page.Html("Welcome back", $"<p>{Who(subscriber)} will get {Page.E(newsletter.Name)} again.</p>");
    }

    private static PageResult Unsubscribed(string token, Subscriber subscriber, NewsletterInfo newsletter, FormToken forms)
    {
        var body = $"<p>{Who(subscriber)} will get no more emails from {Page.E(newsletter.Name)}.</p>";
        if (subscriber.Status == SubscriberStatus.Unsubscribed)
            body += $"<form method=\"post\" action=\"{Page.E(PersonalLinks.UnsubscribePath + token + "/resubscribe")}\">" +
                $"<input type=\"hidden\" name=\"form\" value=\"{Page.E(forms.Create(FormKind.Resubscribe, token))}\">" +
                "<p>Unsubscribed by mistake? <button type=\"submit\">Subscribe again</button></p></form>";
        else
            body += "<p>Mail to this address could not be delivered, so it stays off the list.</p>";
        return Page.Html("You are unsubscribed", body);
    }

    private static string Who(Subscriber subscriber) => Page.E(subscriber.Email);

    // The subscriber an unsubscribe link names; null when they were erased since.
    private static Subscriber? FindSubscriber(LinkClaims claims, IServiceProvider services) =>
        services.GetRequiredService<SubscriberStore>().FindById(claims.SubscriberId);
}
