// Keeps the newest snapshot of a send and when it came, so a display can tick on the send's own clock between them.
using Newsletter.Delivery;

namespace Newsletter.Cli.Commands;

/// <summary>
/// Receives <see cref="SendProgress"/> snapshots from every sending worker (in any order: workers report after
/// leaving the run's lock) and keeps the newest. <see cref="Now"/> extends the snapshot's <see cref="SendProgress.Elapsed"/>
/// by the time since it arrived, so the elapsed time shown keeps moving while no message finishes. Thread-safe.
/// </summary>
internal sealed class LatestProgress(TimeProvider? time = null) : IProgress<SendProgress>
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private SendProgress? _latest;
    private long _receivedAt;

    /// <summary>Raised after a snapshot newer than the kept one arrived, on the reporting worker's thread.</summary>
    public event Action<SendProgress>? Changed;

    /// <inheritdoc />
    public void Report(SendProgress value)
    {
        lock (_lock)
        {
            // A worker that reports late carries an older snapshot: counts and clock only ever move forward.
            if (_latest is not null && (value.Elapsed < _latest.Elapsed || value.Done < _latest.Done)) return;
            _latest = value;
            _receivedAt = _time.GetTimestamp();
        }
        Changed?.Invoke(value);
    }

    /// <summary>The newest snapshot and the send's elapsed time now, or null before the first snapshot.</summary>
    public (SendProgress Snapshot, TimeSpan Elapsed)? Now()
    {
        lock (_lock)
        {
            return _latest is null ? null : (_latest, _latest.Elapsed + _time.GetElapsedTime(_receivedAt));
        }
    }
}
