// Progress and outcome figures of a send, for progress bars, cron lines and the final summary.
namespace Newsletter.Delivery;

/// <summary>A snapshot during a send.</summary>
/// <param name="Total">Deliveries this run has to make (pending when it started).</param>
/// <param name="Sent">Accepted so far.</param>
/// <param name="Failed">Deferred, rejected or suppressed so far.</param>
/// <param name="Elapsed">Time since sending began.</param>
public sealed record SendProgress(int Total, int Sent, int Failed, TimeSpan Elapsed)
{
    /// <summary>Messages per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Sent / Elapsed.TotalSeconds : 0;
}

/// <summary>The outcome of sending one issue.</summary>
/// <param name="Slug">The issue.</param>
/// <param name="Sent">Accepted by the transport in this run.</param>
/// <param name="Failed">Deferred by the transport (left for a later run to report).</param>
/// <param name="Bounced">Rejected permanently; those subscribers are now suppressed.</param>
/// <param name="Suppressed">Skipped because the subscriber was no longer active.</param>
/// <param name="AlreadyDelivered">Subscribers who had this issue before this run.</param>
/// <param name="Recovered">Deliveries a crashed run left in flight; they were sent again and may be duplicates.</param>
/// <param name="Elapsed">Wall time of the send.</param>
/// <param name="PausedReason">Why the run stopped early, or null when it finished.</param>
public sealed record SendSummary(string Slug, int Sent, int Failed, int Bounced, int Suppressed, int AlreadyDelivered,
    int Recovered, TimeSpan Elapsed, string? PausedReason = null);
