// Double opt-in sign-up: a pending subscriber, a confirmation email, and the link that activates them.
using Newsletter.Audience.Suppression;
using Newsletter.Signing;

namespace Newsletter.Audience.Signup;

/// <summary>What happened to a sign-up; callers show the same page for every outcome but <see cref="Invalid"/> and <see cref="InvalidName"/>.</summary>
public enum SignupOutcome
{
    /// <summary>The address is malformed; the reason may be shown (it says nothing about who is on the list).</summary>
    Invalid,
    /// <summary>The name breaks a rule of <see cref="SubscriberName"/>; the reason may be shown. Nothing was stored.</summary>
    InvalidName,
    /// <summary>A confirmation email was sent.</summary>
    ConfirmationSent,
    /// <summary>Nothing was sent: the address is already active, suppressed or erased, or the form was a bot's.</summary>
    Ignored,
    /// <summary>Nothing was sent: too many attempts for this address or client.</summary>
    Throttled,
}

/// <summary>
/// Sign-up with confirmed opt-in. A new address becomes <c>pending</c> and gets a confirmation email whose link
/// carries a signed <see cref="LinkPurpose.Confirm"/> token (valid <see cref="LinkLifetime"/>); a pending or
/// unsubscribed address that signs up again gets a new one. Active, bounced, complained and erased addresses are
/// left alone. The answer never depends on whether the address was known, so the form cannot probe the list.
/// </summary>
public sealed class SignupService(SubscriberStore subscribers, ErasedAddresses erased, LinkToken tokens, string baseUrl,
    IConfirmationSender confirmations, ISignupThrottle perAddress, ISignupThrottle perClient)
{
    /// <summary>Path of the confirmation link, followed by the token.</summary>
    public const string ConfirmPath = "/subscribe/confirm/";

    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    /// <summary>Handles a submitted form.</summary>
    /// <param name="email">The address typed in.</param>
    /// <param name="name">Optional name.</param>
    /// <param name="client">The client's key for rate limiting (its IP address).</param>
    /// <param name="cancellationToken">Stops the send.</param>
    /// <returns>The outcome and, for <see cref="SignupOutcome.Invalid"/> and <see cref="SignupOutcome.InvalidName"/>, the reason.</returns>
    /// <exception cref="NewsletterException">The confirmation template is missing or broken.</exception>
    /// <exception cref="System.Data.Common.DbException">The database (the subscribers, or a shared throttle's counts) could not be read or written.</exception>
    public async Task<(SignupOutcome Outcome, string? Reason)> SignUpAsync(string email, string? name, string client, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(email, out var normalized, out var reason)) return (SignupOutcome.Invalid, reason);
        // Checked before anything is stored or throttled: a rejected form leaves no trace.
        if (!SubscriberName.TryValidate(name, out reason)) return (SignupOutcome.InvalidName, reason);
        if (!await perClient.TryAcquireAsync(client, cancellationToken) || !await perAddress.TryAcquireAsync(normalized, cancellationToken))
            return (SignupOutcome.Throttled, null);
        if (erased.IsErased(normalized)) return (SignupOutcome.Ignored, null);
        var existing = subscribers.FindByEmail(normalized);
        long id;
        switch (existing?.Status)
        {
            case null:
                id = subscribers.AddPending(normalized, name, "signup");
                break;
            case SubscriberStatus.Pending:
                id = existing.Id;
                break;
            case SubscriberStatus.Unsubscribed:
                subscribers.SetStatus(existing.Id, SubscriberStatus.Pending);
                id = existing.Id;
                break;
            default:
                return (SignupOutcome.Ignored, null);
        }
        var url = baseUrl.TrimEnd('/') + ConfirmPath + tokens.Create(LinkPurpose.Confirm, 0, id);
        await confirmations.SendConfirmationAsync(normalized, existing?.Name ?? name, url, cancellationToken);
        return (SignupOutcome.ConfirmationSent, null);
    }

    /// <summary>The pending subscriber a confirmation token names, or null when the token is invalid, expired or used.</summary>
    public Subscriber? Pending(string token) =>
        tokens.TryVerify(token, LinkPurpose.Confirm, LinkLifetime, out var claims) &&
        subscribers.FindById(claims.SubscriberId) is { Status: SubscriberStatus.Pending } subscriber
            ? subscriber
            : null;

    /// <summary>Activates the subscriber of a valid token; returns them, or null when the token is invalid or already used.</summary>
    public Subscriber? Confirm(string token) =>
        Pending(token) is { } subscriber && subscribers.Confirm(subscriber.Id) ? subscribers.FindById(subscriber.Id) : null;
}
