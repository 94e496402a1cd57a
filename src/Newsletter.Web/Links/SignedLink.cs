// The personal link a request came with, once its signature and its target have been checked.
using Microsoft.AspNetCore.Http;
using Newsletter.Signing;

namespace Newsletter.Web.Links;

/// <summary>
/// A verified personal link (<see cref="LinkToken"/>) and what it points at, put in <see cref="HttpContext.Items"/>
/// by <see cref="SignedLinkFilter{TTarget}"/> before the endpoint runs.
/// </summary>
/// <typeparam name="TTarget">What the link's claims were resolved to, e.g. the subscriber of an unsubscribe link.</typeparam>
/// <param name="Token">The token as it came in the URL (the <c>{token}</c> route value); pages post back under it.</param>
/// <param name="Claims">What the token says: issue, subscriber, argument.</param>
/// <param name="Target">The resolved target.</param>
public sealed record SignedLink<TTarget>(string Token, LinkClaims Claims, TTarget Target) where TTarget : class
{
    // One key per target type, private, so nothing else in Items can be taken for a verified link.
    private static readonly object Key = new();

    /// <summary>The link <see cref="SignedLinkFilter{TTarget}"/> verified for this request.</summary>
    /// <exception cref="InvalidOperationException">The endpoint was mapped without the filter.</exception>
    public static SignedLink<TTarget> Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var link) && link is SignedLink<TTarget> verified
            ? verified
            : throw new InvalidOperationException($"no verified {typeof(TTarget).Name} link: map the endpoint with SignedLinkFilter<{typeof(TTarget).Name}>");

    internal void AttachTo(HttpContext context) => context.Items[Key] = this;
}
