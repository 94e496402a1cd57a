// The knobs of one send: pacing, retries, the pause rule and the lease.
using Newsletter.Configuration;

namespace Newsletter.Delivery;

/// <summary>How <see cref="IssueSender"/> paces, retries and pauses a send.</summary>
/// <param name="Retry">Backoff for soft failures.</param>
/// <param name="MessagesPerSecond">Hand-overs per second at most; 0 for no limit.</param>
/// <param name="MessagesPerHour">Accepted messages per rolling hour at most, across issues and runs; 0 for no limit.</param>
/// <param name="MaxConsecutiveErrors">Consecutive soft failures after which the send pauses.</param>
/// <param name="LeaseLength">Lease length; renewed before every batch.</param>
public sealed record SendOptions(RetryPolicy Retry, double MessagesPerSecond, int MessagesPerHour, int MaxConsecutiveErrors, TimeSpan LeaseLength)
{
    /// <summary>The defaults of <see cref="DeliverySettings"/>.</summary>
    public static SendOptions Default { get; } = From(new DeliverySettings());

    /// <summary>Options from the <c>delivery</c> settings section.</summary>
    public static SendOptions From(DeliverySettings settings) => new(
        new RetryPolicy(TimeSpan.FromSeconds(Math.Max(1, settings.RetryBaseSeconds)),
            TimeSpan.FromSeconds(Math.Max(1, settings.RetryMaxSeconds)), TimeSpan.FromHours(Math.Max(0, settings.RetryPeriodHours))),
        Math.Max(0, settings.MessagesPerSecond), Math.Max(0, settings.MessagesPerHour),
        Math.Max(1, settings.MaxConsecutiveErrors), TimeSpan.FromSeconds(Math.Max(5, settings.LeaseSeconds)));
}
