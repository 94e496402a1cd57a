// Limits how often one address (and one client) can trigger a confirmation email.
using System.Collections.Concurrent;

namespace Newsletter.Audience.Signup;

/// <summary>
/// A sliding-window counter per key (an address or a client IP): at most <c>limit</c> attempts per window.
/// In memory, per <c>serve</c> process; old entries are dropped as the window moves.
/// </summary>
public sealed class SignupThrottle(TimeProvider clock, int limit, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records an attempt for <paramref name="key"/>; false when the key has used up its attempts in the window.</summary>
    public bool TryAcquire(string key)
    {
        var now = clock.GetUtcNow();
        var queue = _attempts.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= window) queue.Dequeue();
            if (queue.Count >= limit) return false;
            queue.Enqueue(now);
        }
        if (_attempts.Count > 100_000) Prune(now);
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, queue) in _attempts)
            lock (queue)
                if (queue.Count == 0 || now - queue.Last() >= window) _attempts.TryRemove(key, out _);
    }
}
