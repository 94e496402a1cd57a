// Paces hand-overs to the transport: a configured rate, halved whenever the server says it is throttling us.
using System.Diagnostics;

namespace Newsletter.Delivery;

/// <summary>
/// Spaces hand-overs evenly at the current rate. A throttling reply (421/451/452/454, RFC 3463 4.7.x) halves the
/// rate (from the configured limit, or from the rate measured so far when there is none) and holds every worker
/// for <see cref="ThrottlePause"/>; each accepted message then raises the rate by 1% until it is back at the limit.
/// Thread-safe.
/// </summary>
public sealed class SendPacer
{
    /// <summary>How long every worker waits after a throttling reply.</summary>
    public static readonly TimeSpan ThrottlePause = TimeSpan.FromSeconds(2);

    private const double MinimumRate = 0.5;
    private readonly Lock _lock = new();
    private readonly double _configured;
    private double _limit;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _rate;
    private TimeSpan _next;
    private long _handed;

    /// <summary>Creates a pacer.</summary>
    /// <param name="messagesPerSecond">The configured limit; 0 or less for none.</param>
    public SendPacer(double messagesPerSecond)
    {
        _configured = messagesPerSecond > 0 ? messagesPerSecond : double.PositiveInfinity;
        _limit = _configured;
        _rate = _limit;
    }

    /// <summary>
    /// Splits the configured rate among <paramref name="workers"/> processes sending at once (a shared store), so
    /// that together they stay within it. A rate held down by throttling moves in proportion.
    /// </summary>
    public void Share(int workers)
    {
        lock (_lock)
        {
            var share = _configured / Math.Max(1, workers);
            // A throttled rate keeps its place under the limit: half the old share becomes half the new one.
            if (!double.IsPositiveInfinity(_limit) && !double.IsPositiveInfinity(_rate)) _rate = Math.Max(MinimumRate, _rate * share / _limit);
            else _rate = Math.Min(_rate, share);
            _limit = share;
        }
    }

    /// <summary>The current rate in messages per second (infinity when unlimited and never throttled).</summary>
    public double Rate { get { lock (_lock) return _rate; } }

    /// <summary>Waits for this worker's turn.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            _handed++;
            var now = _clock.Elapsed;
            var slot = _next > now ? _next : now;
            _next = double.IsPositiveInfinity(_rate) ? slot : slot + TimeSpan.FromSeconds(1 / _rate);
            wait = slot - now;
        }
        return wait > TimeSpan.FromMilliseconds(1) ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Slows down after a throttling reply.</summary>
    public void Throttled()
    {
        lock (_lock)
        {
            var elapsed = Math.Max(_clock.Elapsed.TotalSeconds, 1);
            var current = double.IsPositiveInfinity(_rate) ? _handed / elapsed : _rate;
            _rate = Math.Max(MinimumRate, current / 2);
            var resume = _clock.Elapsed + ThrottlePause;
            if (_next < resume) _next = resume;
        }
    }

    /// <summary>Speeds up again after an accepted message.</summary>
    public void Accepted()
    {
        lock (_lock)
        {
            if (double.IsPositiveInfinity(_rate)) return;
            _rate *= 1.01;
            if (_rate >= _limit) _rate = _limit;
        }
    }
}
