// Thread-safe tallies of one run of the send loop, and the rule that pauses it.
using System.Diagnostics;

namespace Newsletter.Delivery;

/// <summary>Counts outcomes as workers report them and decides when repeated deferrals pause the send.</summary>
internal sealed class SendRun(int total, IProgress<SendProgress>? progress)
{
    private readonly Lock _lock = new();
    private int _consecutiveDeferrals;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    public int Sent { get; private set; }
    public int Deferred { get; private set; }
    public int Bounced { get; private set; }
    public int Suppressed { get; private set; }
    public string? PausedReason { get; private set; }

    public void Record(DeliveryStatus status, string? detail)
    {
        SendProgress snapshot;
        lock (_lock)
        {
            switch (status)
            {
                case DeliveryStatus.Sent: Sent++; _consecutiveDeferrals = 0; break;
                case DeliveryStatus.Bounced: Bounced++; _consecutiveDeferrals = 0; break;
                case DeliveryStatus.Suppressed: Suppressed++; break;
                default:
                    Deferred++;
                    if (++_consecutiveDeferrals >= IssueSender.MaxConsecutiveDeferrals)
                        PausedReason ??= $"paused after {_consecutiveDeferrals} failed deliveries in a row; last error: {detail}";
                    break;
            }
            snapshot = new SendProgress(total, Sent, Deferred + Bounced + Suppressed, Clock.Elapsed);
        }
        progress?.Report(snapshot);
    }
}
