// Limits how often one address (and one client) can trigger a confirmation email, counted in memory.
using System.Collections.Concurrent;

namespace Newsletter.Audience.Signup;

/// <summary>
/// The <see cref="ISignupThrottle"/> of one process: at most <c>limit</c> attempts per key in any <c>window</c>,
/// counted in memory, which is all a SQLite workspace (one <c>serve</c>) needs. Old entries are dropped as the
/// window moves; a restart forgets the counts.
/// </summary>
public sealed class SignupThrottle(TimeProvider clock, int limit, TimeSpan window) : ISignupThrottle
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ValueTask<bool> TryAcquireAsync(string key, CancellationToken cancellationToken = default) => ValueTask.FromResult(TryAcquire(key));

    private bool TryAcquire(string key)
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
