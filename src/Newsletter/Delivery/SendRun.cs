// Thread-safe tallies of one run of the send loop, and the rule that pauses it.
using System.Diagnostics;

namespace Newsletter.Delivery;

/// <summary>Counts outcomes as workers report them and decides when repeated soft failures pause the send.</summary>
internal sealed class SendRun(int total, int maxConsecutiveErrors, IProgress<SendProgress>? progress)
{
    private readonly Lock _lock = new();
    private int _consecutiveErrors;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    public int Sent { get; private set; }
    public FailureReasons Reasons { get; } = new();
    public int Deferred { get; private set; }
    public int GaveUp { get; private set; }
    public int Bounced { get; private set; }
    public int Suppressed { get; private set; }
    public string? PausedReason { get; private set; }
    public string? StoppedReason { get; private set; }
    public bool Stopping { get { lock (_lock) return PausedReason is not null || StoppedReason is not null; } }

    public void Stop(string reason)
    {
        lock (_lock) StoppedReason ??= reason;
    }

    public void Unbounce(int count, string? detail)
    {
        lock (_lock) Bounced -= count;
        Reasons.Add(DeliveryStatus.Bounced, detail, -count);
    }

    public void Pause(string reason)
    {
        lock (_lock) PausedReason ??= reason;
    }

    public void Record(DeliveryStatus status, string? detail, bool subscriberAtFault = false)
    {
        SendProgress snapshot;
        lock (_lock)
        {
            Reasons.Add(status, detail);
            switch (status)
            {
                case DeliveryStatus.Sent: Sent++; _consecutiveErrors = 0; break;
                case DeliveryStatus.Bounced: Bounced++; _consecutiveErrors = 0; break;
                case DeliveryStatus.Suppressed: Suppressed++; break;
                case DeliveryStatus.Pending: break;
                default:
                    if (status == DeliveryStatus.GaveUp) GaveUp++; else Deferred++;
                    // A message that cannot be built is that subscriber's problem, not the server's: no pause.
                    if (subscriberAtFault) break;
                    if (++_consecutiveErrors >= maxConsecutiveErrors)
                        PausedReason ??= $"paused after {_consecutiveErrors} failed deliveries in a row; last error: {detail}";
                    break;
            }
            snapshot = new SendProgress(total, Sent, Deferred + GaveUp, Bounced, Suppressed, Clock.Elapsed);
        }
        progress?.Report(snapshot);
    }
}
