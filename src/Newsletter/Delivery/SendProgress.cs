// Progress and outcome figures of a send, for progress bars, cron lines and the final summary.
namespace Newsletter.Delivery;

/// <summary>A snapshot during a send.</summary>
/// <param name="Total">Deliveries this run has to make (pending when it started).</param>
/// <param name="Sent">Accepted so far.</param>
/// <param name="Deferred">Refused for now or not deliverable at the moment (retried later, or given up on) so far.</param>
/// <param name="Bounced">Refused for good (hard bounces) so far.</param>
/// <param name="Skipped">Skipped so far: the subscriber was no longer active, or the message could not be built.</param>
/// <param name="Elapsed">Time since sending began.</param>
public sealed record SendProgress(int Total, int Sent, int Deferred, int Bounced, int Skipped, TimeSpan Elapsed)
{
    /// <summary>Deliveries dealt with so far, whatever their outcome.</summary>
    public int Done => Sent + Deferred + Bounced + Skipped;

    /// <summary>Deliveries dealt with per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time to finish at the rate so far, or null before anything is done.</summary>
    public TimeSpan? Remaining => RemainingAt(Elapsed);

    /// <summary>
    /// The time left, estimated at <paramref name="elapsed"/> on the send's own clock (the one <see cref="Elapsed"/>
    /// reads) from the rate observed until then: what is left at <see cref="Done"/> per <paramref name="elapsed"/>.
    /// A display that ticks between snapshots passes the time now, so its elapsed time and its estimate never
    /// disagree, and an estimate grows while nothing gets done. Null before anything is done.
    /// </summary>
    /// <param name="elapsed">Time since sending began, at or after <see cref="Elapsed"/>.</param>
    public TimeSpan? RemainingAt(TimeSpan elapsed) =>
        Done > 0 && elapsed > TimeSpan.Zero ? TimeSpan.FromTicks((long)(elapsed.Ticks * ((double)Math.Max(0, Total - Done) / Done))) : null;

    /// <summary>The counts in words, e.g. <c>sent 120, deferred 3, bounced 1</c> (zero counts after "sent" left out).</summary>
    public string Counts() =>
        $"sent {Sent}" + (Deferred > 0 ? $", deferred {Deferred}" : "") + (Bounced > 0 ? $", bounced {Bounced}" : "") +
        (Skipped > 0 ? $", skipped {Skipped}" : "");
}

/// <summary>The outcome of sending one issue.</summary>
/// <param name="Slug">The issue.</param>
/// <param name="Sent">Accepted by the transport in this run.</param>
/// <param name="Deferred">Soft-failed in this run (4xx, throttling, broken connections): retried after a backoff.</param>
/// <param name="Bounced">Rejected permanently; those subscribers are now suppressed.</param>
/// <param name="Suppressed">Skipped because the subscriber was no longer active.</param>
/// <param name="AlreadyDelivered">Subscribers who had this issue before this run.</param>
/// <param name="Recovered">Deliveries that were in flight when an earlier run stopped; sent again, they may arrive twice.</param>
/// <param name="Elapsed">Wall time of the send.</param>
/// <param name="PausedReason">Why the send is paused (the run stopped early), or null.</param>
/// <param name="StoppedReason">Why the run stopped early without a pause (hourly limit, cancellation, lost lease), or null.</param>
/// <param name="GaveUp">Deliveries whose retry period ran out in this run (now failed for good).</param>
/// <param name="Waiting">Soft-failed deliveries waiting for their retry time after this run.</param>
/// <param name="NextRetry">The earliest of their retry times, or null.</param>
/// <param name="Reasons">Why deliveries of this run did not go out, grouped and counted, largest first.</param>
public sealed record SendSummary(string Slug, int Sent, int Deferred, int Bounced, int Suppressed, int AlreadyDelivered,
    int Recovered, TimeSpan Elapsed, string? PausedReason = null, string? StoppedReason = null, int GaveUp = 0,
    int Waiting = 0, DateTimeOffset? NextRetry = null, IReadOnlyList<FailureReason>? Reasons = null)
{
    /// <summary>True when every delivery of the issue has reached a final state.</summary>
    public bool Complete => PausedReason is null && StoppedReason is null && Waiting == 0;
}
