// The `delivery` section: how fast the configured transport may be fed, how long soft failures are retried.
namespace Newsletter.Configuration;

/// <summary>
/// Send-loop settings for the configured transport. Zero rate limits mean no limit. Retries follow exponential
/// backoff (RFC 5321 §4.5.4.1 recommends retrying for days before giving up).
/// </summary>
public sealed class DeliverySettings
{
    /// <summary>Messages per second handed to the transport at most; 0 for no limit.</summary>
    public double MessagesPerSecond { get; init; }

    /// <summary>Messages accepted in any rolling hour at most, across issues and runs; 0 for no limit.</summary>
    public int MessagesPerHour { get; init; }

    /// <summary>Wait after a delivery's first soft failure, in seconds; doubled after each further one.</summary>
    public int RetryBaseSeconds { get; init; } = 60;

    /// <summary>Longest wait between two tries, in seconds.</summary>
    public int RetryMaxSeconds { get; init; } = 3600;

    /// <summary>How long after its first soft failure a delivery is retried before it fails for good, in hours.</summary>
    public double RetryPeriodHours { get; init; } = 72;

    /// <summary>Consecutive failed deliveries (4xx, throttling, broken connections) after which the send pauses.</summary>
    public int MaxConsecutiveErrors { get; init; } = 25;

    /// <summary>Length of a run's lease on an issue, in seconds; a crashed run's lease can be taken over after it.</summary>
    public int LeaseSeconds { get; init; } = 120;
}
