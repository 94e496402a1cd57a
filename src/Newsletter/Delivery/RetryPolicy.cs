// When a soft-failed delivery is tried again, and when retrying stops.
namespace Newsletter.Delivery;

/// <summary>
/// Exponential backoff for soft failures (4xx, throttling, broken connections; RFC 5321 §4.5.4.1 asks senders to
/// retry for days): the n-th failure waits <see cref="BaseDelay"/> × 2^(n−1), at most <see cref="MaxDelay"/>;
/// once <see cref="Period"/> has passed since the first failure the delivery fails for good.
/// </summary>
/// <param name="BaseDelay">Wait after the first failure.</param>
/// <param name="MaxDelay">Longest single wait.</param>
/// <param name="Period">How long after the first failure retries go on.</param>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan Period)
{
    /// <summary>1 minute, doubling up to 1 hour, for 3 days.</summary>
    public static RetryPolicy Default { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(3));

    /// <summary>The time of the next try, or null when the retry period is over.</summary>
    /// <param name="attempts">Hand-overs so far, including the one that just failed (1 or more).</param>
    /// <param name="firstFailedAt">The first failure, or null when this is it.</param>
    /// <param name="now">The current time.</param>
    public DateTimeOffset? NextTry(int attempts, DateTimeOffset? firstFailedAt, DateTimeOffset now)
    {
        var first = firstFailedAt ?? now;
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var delay = TimeSpan.FromTicks((long)Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, exponent)));
        var next = now + delay;
        return next - first > Period ? null : next;
    }
}
