// The scanner guard of one process: poll page fetches remembered in memory.
using System.Collections.Concurrent;

namespace Newsletter.Polls;

/// <summary>
/// The <see cref="IScannerGuard"/> of one process: fetches are remembered in memory, which is the fastest and all
/// that a SQLite workspace (one <c>serve</c>) needs. A restart forgets at most one window. Thread-safe; memory is
/// bounded by the fetches of one window.
/// </summary>
public sealed class ScannerGuard(TimeProvider clock, TimeSpan window) : IScannerGuard
{
    /// <summary>The default window: scanners fetch an email's links within a few seconds of each other.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<(long Issue, long Subscriber), Fetches> _recent = new();
    private long _calls;

    /// <inheritdoc />
    public TimeSpan Window { get; } = window;

    /// <inheritdoc />
    public ValueTask PageFetchedAsync(long issueId, long subscriberId, int rating, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // A sweep may retire an entry between lookup and lock; then take the fresh one.
        while (true)
        {
            var fetches = _recent.GetOrAdd((issueId, subscriberId), _ => new Fetches());
            lock (fetches)
            {
                if (fetches.Retired) continue;
                fetches.Add(rating, now, Window);
                break;
            }
        }
        if (Interlocked.Increment(ref _calls) % 1024 == 0) Sweep(now);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> LooksScannedAsync(long issueId, long subscriberId, int rating, DateTimeOffset pageFetchedAt,
        CancellationToken cancellationToken = default)
    {
        if (!_recent.TryGetValue((issueId, subscriberId), out var fetches)) return ValueTask.FromResult(false);
        lock (fetches) return ValueTask.FromResult(fetches.AnyOtherSince(rating, pageFetchedAt - Window));
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, fetches) in _recent)
        {
            lock (fetches)
            {
                if (fetches.Last >= now - Window) continue;
                fetches.Retired = true;
                _recent.TryRemove(KeyValuePair.Create(key, fetches));
            }
        }
    }

    private sealed class Fetches
    {
        private readonly List<(int Rating, DateTimeOffset At)> _items = [];

        public DateTimeOffset Last { get; private set; }

        public bool Retired { get; set; }

        public void Add(int rating, DateTimeOffset at, TimeSpan window)
        {
            _items.RemoveAll(f => f.At < at - window);
            _items.Add((rating, at));
            Last = at;
        }

        public bool AnyOtherSince(int rating, DateTimeOffset since) => _items.Any(f => f.Rating != rating && f.At >= since);
    }
}
