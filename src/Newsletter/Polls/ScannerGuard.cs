// Tells a person's click on one poll option from a link scanner that fetches every option of an email at once.
using System.Collections.Concurrent;

namespace Newsletter.Polls;

/// <summary>
/// Remembers, for a short <see cref="Window"/>, which options of each (issue, subscriber) poll had their page
/// fetched. Mail security scanners (Outlook Safe Links, Mimecast, Proofpoint, ...) fetch every link of a new
/// email within seconds; a person opens one. A vote whose page was fetched while a <em>different</em> option of
/// the same email was also fetched (within <see cref="Window"/> before it, up to the moment the vote is decided)
/// is treated as a scan and not counted. In-memory and per process: a restart forgets at most one window.
/// Thread-safe; memory is bounded by the fetches of one window.
/// </summary>
public sealed class ScannerGuard(TimeProvider clock, TimeSpan window)
{
    /// <summary>The default window: scanners fetch an email's links within a few seconds of each other.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<(long Issue, long Subscriber), Fetches> _recent = new();
    private long _calls;

    /// <summary>How long a page fetch is remembered.</summary>
    public TimeSpan Window { get; } = window;

    /// <summary>Notes that the vote page of <paramref name="rating"/> was fetched now.</summary>
    public void PageFetched(long issueId, long subscriberId, int rating)
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
    }

    /// <summary>
    /// True when a page of another option than <paramref name="rating"/> of the same email was fetched between
    /// <paramref name="pageFetchedAt"/> − <see cref="Window"/> and now: the pattern of a scanner, not of a reader.
    /// </summary>
    public bool LooksScanned(long issueId, long subscriberId, int rating, DateTimeOffset pageFetchedAt)
    {
        if (!_recent.TryGetValue((issueId, subscriberId), out var fetches)) return false;
        lock (fetches) return fetches.AnyOtherSince(rating, pageFetchedAt - Window);
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
