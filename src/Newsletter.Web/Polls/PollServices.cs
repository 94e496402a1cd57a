// The long-lived parts of the poll endpoints: the scanner guard, the vote writer and an issue cache.
using System.Collections.Concurrent;
using Newsletter.Delivery;
using Newsletter.Polls;
using Newsletter.Storage;

namespace Newsletter.Web.Polls;

/// <summary>
/// One per running site. Holds the <see cref="VoteWriter"/> (so votes are group-committed), the scanner guard
/// (so bursts of fetches are seen across requests: in memory for SQLite, whose one <c>serve</c> sees every fetch, and
/// in the database when it is shared, so that fetches spread over several servers are seen too) and a short cache of
/// issues (so a vote needs no read before its write).
/// </summary>
public sealed class PollServices : IAsyncDisposable
{
    /// <summary>How long the vote page's automatic POST waits, from the page fetch, before the vote is decided:
    /// long enough for a scanner's fetches of the other options of the same email to arrive.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.5);

    /// <summary>How long a vote page or its fallback button stays valid.</summary>
    public static readonly TimeSpan VoteFormLifetime = TimeSpan.FromHours(2);

    /// <summary>How long the thank-you page's forms (change the rating, comment) stay valid.</summary>
    public static readonly TimeSpan ThankYouFormLifetime = TimeSpan.FromDays(1);

    private static readonly TimeSpan IssueCacheLifetime = TimeSpan.FromSeconds(30);

    private readonly IssueStore _issueStore;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<long, (IssueRecord? Issue, DateTimeOffset Until)> _issues = new();

    /// <summary>Creates the services and starts the vote writer on <paramref name="database"/>.</summary>
    /// <param name="issues">Where issues are looked up when the cache has none.</param>
    /// <param name="database">The database votes are written to; when it is shared (<see cref="Database.IsShared"/>),
    /// the guard's fetches too.</param>
    /// <param name="clock">The time source of the guard, the writer and the cache.</param>
    public PollServices(IssueStore issues, Database database, TimeProvider clock)
    {
        _issueStore = issues;
        _clock = clock;
        Guard = database.IsShared
            ? new SharedScannerGuard(database, clock, ScannerGuard.DefaultWindow)
            : new ScannerGuard(clock, ScannerGuard.DefaultWindow);
        Writer = new VoteWriter(database, clock);
    }

    /// <summary>The link-scanner guard: a <see cref="SharedScannerGuard"/> on a shared database, else a <see cref="ScannerGuard"/>.</summary>
    public IScannerGuard Guard { get; }

    /// <summary>The group-committing vote writer.</summary>
    public VoteWriter Writer { get; }

    /// <summary>The issue with this id, cached for a few seconds; null when there is none.</summary>
    public IssueRecord? Issue(long id)
    {
        var now = _clock.GetUtcNow();
        if (_issues.TryGetValue(id, out var cached) && cached.Until > now) return cached.Issue;
        var issue = _issueStore.FindById(id);
        _issues[id] = (issue, now + IssueCacheLifetime);
        return issue;
    }

    /// <summary>Writes the queued votes and stops the writer.</summary>
    public ValueTask DisposeAsync() => Writer.DisposeAsync();
}
