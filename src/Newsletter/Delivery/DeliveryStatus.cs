// The states a delivery moves through in the send ledger.
namespace Newsletter.Delivery;

/// <summary>
/// Ledger state of one (issue, subscriber) delivery: pending -> sending -> sent | soft-failed (retried at
/// <c>retry_at</c>, back to pending) | failed | bounced | suppressed. Stored as lower-case text (<see cref="DeliveryStatusText"/>).
/// </summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for a run to claim it.</summary>
    Pending,
    /// <summary>Claimed by a run; once <c>handed_at</c> is set it is with the transport and may have gone out.</summary>
    Sending,
    /// <summary>Accepted by the transport.</summary>
    Sent,
    /// <summary>Refused for now (4xx, throttling, broken connection); retried with exponential backoff at <c>retry_at</c>.</summary>
    SoftFailed,
    /// <summary>Soft failures went on for longer than the retry period; not tried again.</summary>
    Failed,
    /// <summary>Refused permanently (5xx, a hard bounce); the subscriber is suppressed.</summary>
    Bounced,
    /// <summary>Skipped because the subscriber was no longer active when its turn came.</summary>
    Suppressed,
}

/// <summary>Stored text of <see cref="DeliveryStatus"/> values, e.g. <c>soft-failed</c>.</summary>
public static class DeliveryStatusText
{
    /// <summary>The stored text: the lower-case name, with <c>soft-failed</c> hyphenated.</summary>
    public static string ToText(this DeliveryStatus status) =>
        status == DeliveryStatus.SoftFailed ? "soft-failed" : status.ToString().ToLowerInvariant();

    /// <summary>Parses stored text.</summary>
    /// <exception cref="FormatException">Unknown status text.</exception>
    public static DeliveryStatus Parse(string text) =>
        Enum.TryParse<DeliveryStatus>(text.Replace("-", ""), ignoreCase: true, out var status)
            ? status
            : throw new FormatException($"unknown delivery status '{text}'");
}
