// Checks the personal link of a request once, before any endpoint of a feature runs.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Signing;
using Newsletter.Web.Pages;

namespace Newsletter.Web.Links;

/// <summary>
/// An endpoint filter for routes with a <c>{token}</c>: verifies the signed link (<see cref="LinkToken"/>, for
/// <paramref name="purpose"/> and at most <paramref name="maxAge"/> old), resolves its claims to the feature's target,
/// and hands both to the endpoint as a <see cref="SignedLink{TTarget}"/>. A link from a test send gets
/// <see cref="Page.TestLink"/> (answered, nothing recorded); a forged, altered, expired or other-purpose link, or one
/// whose target is gone, gets <see cref="Page.InvalidLink"/> (404). Either way the endpoint does not run.
/// </summary>
/// <typeparam name="TTarget">What a link points at.</typeparam>
/// <param name="purpose">The only purpose accepted.</param>
/// <param name="maxAge">How old a link may be; null for no limit.</param>
/// <param name="resolve">Finds the target of verified claims with the request's services; null when there is none.</param>
public sealed class SignedLinkFilter<TTarget>(LinkPurpose purpose, TimeSpan? maxAge, Func<LinkClaims, IServiceProvider, TTarget?> resolve)
    : IEndpointFilter where TTarget : class
{
    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.GetRouteValue("token") as string ?? "";
        if (!http.RequestServices.GetRequiredService<LinkToken>().TryVerify(token, purpose, maxAge, out var claims))
            return Page.InvalidLink();
        // A test send's links carry subscriber 0: answered, so the editor sees them work, and never counted.
        if (claims.IsTest) return Page.TestLink();
        if (resolve(claims, http.RequestServices) is not { } target) return Page.InvalidLink();
        new SignedLink<TTarget>(token, claims, target).AttachTo(http);
        return await next(context);
    }
}
