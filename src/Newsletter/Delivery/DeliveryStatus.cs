// The states a delivery moves through in the send ledger.
namespace Newsletter.Delivery;

/// <summary>
/// Ledger state of one (issue, subscriber) delivery: pending -> sending -> sent | deferred (retried at
/// <c>retry_at</c>, back to pending) | gave up | bounced | suppressed. Each name has one meaning, the one the send
/// summary and <c>status</c> print: a deferral is a soft bounce that is retried, giving up ends the retries, a
/// bounce is a hard bounce (RFC 3463 class 5). Stored as text (<see cref="DeliveryStatusText"/>).
/// </summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for a run to claim it.</summary>
    Pending,
    /// <summary>Claimed by a run; once <c>handed_at</c> is set it is with the transport and may have gone out.</summary>
    Sending,
    /// <summary>Accepted by the transport.</summary>
    Sent,
    /// <summary>Refused for now (4xx, throttling, broken connection): a soft bounce, retried with exponential backoff at <c>retry_at</c>.</summary>
    Deferred,
    /// <summary>Deferrals went on for longer than the retry period; not tried again.</summary>
    GaveUp,
    /// <summary>Refused permanently (5xx, a hard bounce); the subscriber is suppressed.</summary>
    Bounced,
    /// <summary>Skipped because the subscriber was no longer active when its turn came.</summary>
    Suppressed,
}

/// <summary>Stored text of <see cref="DeliveryStatus"/> values.</summary>
/// <remarks>
/// The ledger's first schema named a deferral <c>soft-failed</c> and giving up <c>failed</c>, and its CHECK constraint
/// holds those words; they stay the stored form, so databases of every version read alike, and are not shown to anyone.
/// </remarks>
public static class DeliveryStatusText
{
    /// <summary>The stored text, e.g. <c>soft-failed</c> for <see cref="DeliveryStatus.Deferred"/>.</summary>
    public static string ToText(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Deferred => "soft-failed",
        DeliveryStatus.GaveUp => "failed",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses stored text.</summary>
    /// <exception cref="InvalidDataException">Unknown status text: the database holds what this program never writes.</exception>
    public static DeliveryStatus Parse(string text) => text switch
    {
        "soft-failed" => DeliveryStatus.Deferred,
        "failed" => DeliveryStatus.GaveUp,
        "pending" or "sending" or "sent" or "bounced" or "suppressed" => Enum.Parse<DeliveryStatus>(text, ignoreCase: true),
        _ => throw new InvalidDataException($"the database holds an unknown delivery status '{text}'"),
    };
}
