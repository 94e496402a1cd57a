// The seam between the send loop and the ways mail leaves the machine.
using MimeKit;

namespace Newsletter.Delivery.Transports;

/// <summary>
/// Hands messages to a mail system: <see cref="OutboxTransport"/> (files), <see cref="SendmailTransport"/> (the
/// local MTA) and <see cref="Smtp.SmtpTransport"/> (RFC 5321 through a pool of MailKit connections).
/// <see cref="SendAsync"/> may be called concurrently up to <see cref="Concurrency"/> times.
/// </summary>
public interface IDeliveryTransport : IAsyncDisposable
{
    /// <summary>Human-readable destination, e.g. <c>outbox /srv/news/outbox</c>; never contains secrets.</summary>
    string Description { get; }

    /// <summary>How many sends may usefully run at once.</summary>
    int Concurrency { get; }

    /// <summary>Sends one message to one recipient; failures the caller can act on come back as a result, not an exception.</summary>
    /// <param name="envelopeFrom">SMTP MAIL FROM address (the bounce address).</param>
    /// <param name="recipient">SMTP RCPT TO address.</param>
    /// <param name="message">The finished message; it is written as it is, never changed.</param>
    /// <param name="cancellationToken">Stops the send.</param>
    Task<TransportResult> SendAsync(string envelopeFrom, string recipient, MimeMessage message, CancellationToken cancellationToken);
}
