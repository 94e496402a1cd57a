// What the poll endpoints ask of a scanner guard, whether it remembers in memory or in the shared database.
namespace Newsletter.Polls;

/// <summary>
/// Remembers, for a short window, which options of each (issue, subscriber) poll had their page fetched. Mail
/// security scanners (Outlook Safe Links, Mimecast, Proofpoint, ...) fetch every link of a new email within seconds;
/// a person opens one. A vote whose page was fetched while a <em>different</em> option of the same email was also
/// fetched (within the window before it, up to the moment the vote is decided) is treated as a scan and not counted.
/// <see cref="ScannerGuard"/> keeps the fetches in one process's memory (SQLite, one <c>serve</c>);
/// <see cref="SharedScannerGuard"/> keeps them in the database, so fetches spread over several web servers are seen
/// together (PostgreSQL). Implementations are thread-safe.
/// </summary>
public interface IScannerGuard
{
    /// <summary>How long a page fetch is remembered.</summary>
    TimeSpan Window { get; }

    /// <summary>Notes that the vote page of <paramref name="rating"/> of this issue's email to this subscriber was fetched now.</summary>
    /// <param name="issueId">The issue whose poll the link belongs to.</param>
    /// <param name="subscriberId">The subscriber the email was sent to.</param>
    /// <param name="rating">The option whose page was fetched.</param>
    /// <param name="cancellationToken">Stops the write of a database-backed guard.</param>
    /// <exception cref="System.Data.Common.DbException">A database-backed guard could not write the fetch.</exception>
    ValueTask PageFetchedAsync(long issueId, long subscriberId, int rating, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when a page of another option than <paramref name="rating"/> of the same email was fetched between
    /// <paramref name="pageFetchedAt"/> − <see cref="Window"/> and now: the pattern of a scanner, not of a reader.
    /// </summary>
    /// <param name="issueId">The issue whose poll the vote is for.</param>
    /// <param name="subscriberId">The subscriber voting.</param>
    /// <param name="rating">The option being voted for.</param>
    /// <param name="pageFetchedAt">When the vote's own page was fetched (from its signed form token).</param>
    /// <param name="cancellationToken">Stops the read of a database-backed guard.</param>
    /// <exception cref="System.Data.Common.DbException">A database-backed guard could not read the fetches.</exception>
    ValueTask<bool> LooksScannedAsync(long issueId, long subscriberId, int rating, DateTimeOffset pageFetchedAt,
        CancellationToken cancellationToken = default);
}
