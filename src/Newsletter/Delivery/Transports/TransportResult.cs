// What a transport says happened to one message.
namespace Newsletter.Delivery.Transports;

/// <summary>What happened to one message.</summary>
public enum TransportOutcome
{
    /// <summary>Accepted for delivery.</summary>
    Accepted,
    /// <summary>The recipient was refused for good (RFC 3463 5.1.x, 5.2.x, 5.4.x or a plain 5xx at RCPT): a hard bounce.</summary>
    Rejected,
    /// <summary>Refused for now (4xx) or the connection failed: may be retried later.</summary>
    Deferred,
    /// <summary>The server is limiting our rate (421, 451, 452, 454; RFC 3463 4.7.x): slow down and retry later.</summary>
    Throttled,
    /// <summary>
    /// The server refuses the sender, not the recipient (relay denied, authentication required or failed, policy
    /// 5.7.x, a refusal at MAIL FROM or DATA, a TLS or configuration mismatch): no subscriber is at fault, so the send
    /// stops at once with this reason and nobody is suppressed.
    /// </summary>
    Blocked,
}

/// <summary>The result of one send.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">Server reply or error text, for the ledger and the operator, e.g. <c>550 5.1.1 &lt;x@example.com&gt;: user unknown</c>.</param>
public sealed record TransportResult(TransportOutcome Outcome, string? Detail = null)
{
    /// <summary>A plain acceptance.</summary>
    public static TransportResult Accepted { get; } = new(TransportOutcome.Accepted);
}
