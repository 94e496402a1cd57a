// The smtp:// transport: a pool of MailKit connections, with every failure mapped onto a delivery outcome.
using MimeKit;
using Newsletter.Delivery.Transports;

namespace Newsletter.Delivery.Smtp;

/// <summary>
/// Sends through an SMTP server (RFC 5321) with an <see cref="SmtpConnectionPool"/>. Replies are classified by
/// <see cref="SmtpReplyClassifier"/>: accepted, rejected (the recipient's hard bounce), deferred, throttled, or
/// blocked (the server refuses us, so the send stops).
/// </summary>
public sealed class SmtpTransport : IDeliveryTransport
{
    private readonly SmtpEndpoint _endpoint;
    private readonly SmtpConnectionPool _pool;

    /// <summary>Creates the transport; nothing connects until the first send.</summary>
    /// <param name="endpoint">Server, security, credentials and time-out.</param>
    /// <param name="connections">Connections kept open while sending, 1 or more.</param>
    public SmtpTransport(SmtpEndpoint endpoint, int connections)
    {
        _endpoint = endpoint;
        Concurrency = Math.Max(1, connections);
        _pool = new SmtpConnectionPool(endpoint, Concurrency);
        var security = endpoint.Security.ToString().ToLowerInvariant();
        var auth = endpoint.Authentication is { } a ? $", AUTH {a.Mechanism ?? "as offered"} as {a.UserName}" : "";
        Description = $"smtp {endpoint} ({security}{auth}, {Concurrency} connection(s))";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int Concurrency { get; }

    /// <inheritdoc />
    public async Task<TransportResult> SendAsync(string envelopeFrom, string recipient, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _pool.SendAsync(message, MailboxAddress.Parse(envelopeFrom), new MailboxAddress(null, recipient), cancellationToken);
            return TransportResult.Accepted;
        }
        catch (Exception e) when (SmtpReplyClassifier.Classify(e, _endpoint) is { } result)
        {
            return result;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _pool.DisposeAsync();
}
