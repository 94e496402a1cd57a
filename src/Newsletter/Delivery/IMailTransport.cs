// The seam between the send loop and the ways mail leaves the machine.
using Newsletter.Mail.Mime;

namespace Newsletter.Delivery;

/// <summary>
/// Hands messages to a mail system. Implementations: <see cref="OutboxTransport"/> (files) and
/// <see cref="SmtpMailTransport"/> (RFC 5321). <see cref="SendAsync"/> may be called concurrently up to
/// <see cref="Concurrency"/> times.
/// </summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <summary>Human-readable destination, e.g. <c>outbox /srv/news/outbox</c>; never contains secrets.</summary>
    string Description { get; }

    /// <summary>How many sends may usefully run at once.</summary>
    int Concurrency { get; }

    /// <summary>Sends one message to one recipient; failures the caller can act on come back as a result, not an exception.</summary>
    /// <param name="envelopeFrom">SMTP MAIL FROM address.</param>
    /// <param name="recipient">SMTP RCPT TO address.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Stops the send.</param>
    Task<TransportResult> SendAsync(string envelopeFrom, string recipient, EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>What happened to one message.</summary>
public enum TransportOutcome
{
    /// <summary>Accepted for delivery.</summary>
    Accepted,
    /// <summary>Refused for good (5xx): a hard bounce.</summary>
    Rejected,
    /// <summary>Refused for now (4xx) or the connection failed: may be retried later.</summary>
    Deferred,
    /// <summary>The server is limiting our rate (421, 451, 452, 454; RFC 3463 4.7.x): slow down and retry later.</summary>
    Throttled,
}

/// <summary>The result of one send.</summary>
/// <param name="Outcome">Accepted, rejected or deferred.</param>
/// <param name="Detail">Server reply or error text, for the ledger and the operator.</param>
public sealed record TransportResult(TransportOutcome Outcome, string? Detail = null)
{
    /// <summary>A plain acceptance.</summary>
    public static TransportResult Accepted { get; } = new(TransportOutcome.Accepted);
}
