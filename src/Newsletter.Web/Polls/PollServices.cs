// The long-lived parts of the poll endpoints: form tokens, the scanner guard, the vote writer and an issue cache.
using System.Collections.Concurrent;
using Newsletter.Delivery;
using Newsletter.Polls;
using Newsletter.Signing;

namespace Newsletter.Web.Polls;

/// <summary>
/// One per running site. Holds the <see cref="VoteWriter"/> (so votes are group-committed), the
/// <see cref="ScannerGuard"/> (so bursts of fetches are seen across requests) and a short cache of issues
/// (so a vote needs no read before its write).
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

    private readonly Workspace _workspace;
    private readonly ConcurrentDictionary<long, (IssueRecord? Issue, DateTimeOffset Until)> _issues = new();

    /// <summary>Creates the services of <paramref name="workspace"/> and starts its vote writer.</summary>
    public PollServices(Workspace workspace)
    {
        _workspace = workspace;
        Forms = new FormToken(workspace.Keys, workspace.Clock);
        Guard = new ScannerGuard(workspace.Clock, ScannerGuard.DefaultWindow);
        Writer = new VoteWriter(workspace.Database, workspace.Clock);
    }

    /// <summary>Form tokens (antiforgery, and when a vote page was fetched).</summary>
    public FormToken Forms { get; }

    /// <summary>The link-scanner guard.</summary>
    public ScannerGuard Guard { get; }

    /// <summary>The group-committing vote writer.</summary>
    public VoteWriter Writer { get; }

    /// <summary>The issue with this id, cached for a few seconds; null when there is none.</summary>
    public IssueRecord? Issue(long id)
    {
        var now = _workspace.Clock.GetUtcNow();
        if (_issues.TryGetValue(id, out var cached) && cached.Until > now) return cached.Issue;
        var issue = _workspace.Issues.FindById(id);
        _issues[id] = (issue, now + IssueCacheLifetime);
        return issue;
    }

    /// <summary>Writes the queued votes and stops the writer.</summary>
    public ValueTask DisposeAsync() => Writer.DisposeAsync();
}
