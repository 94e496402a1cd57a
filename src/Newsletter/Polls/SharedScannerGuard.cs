// The scanner guard of several web servers: poll page fetches remembered in the shared database.
using System.Data.Common;
using Newsletter.Storage;

namespace Newsletter.Polls;

/// <summary>
/// The <see cref="IScannerGuard"/> for a database several <c>serve</c> processes share (PostgreSQL): each fetch is a
/// row of <c>poll_fetches</c>, so a scanner whose fetches of one email land on two servers is still seen as one scan.
/// One insert per page fetch and one indexed read per vote decided. Rows are swept as they age: every
/// <c>sweepEvery</c>-th fetch of this process (and its first) deletes those older than twice the window, since a vote
/// decided a moment after its page was fetched still looks back a whole window from that fetch. Thread-safe; every
/// call takes its own pooled connection.
/// </summary>
/// <param name="database">The database holding <c>poll_fetches</c> (schema version 10 or later).</param>
/// <param name="clock">The time source for fetch times and the sweep's cutoff.</param>
/// <param name="window">How long a fetch counts; see <see cref="ScannerGuard.DefaultWindow"/>.</param>
/// <param name="sweepEvery">How many fetches of this process come between two sweeps (at least 1).</param>
public sealed class SharedScannerGuard(Database database, TimeProvider clock, TimeSpan window, int sweepEvery = 256) : IScannerGuard
{
    private readonly int _sweepEvery = sweepEvery >= 1 ? sweepEvery : throw new ArgumentOutOfRangeException(nameof(sweepEvery), sweepEvery, "at least 1");
    private long _calls;

    /// <inheritdoc />
    public TimeSpan Window { get; } = window;

    /// <inheritdoc />
    public async ValueTask PageFetchedAsync(long issueId, long subscriberId, int rating, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = database.Connect();
        await using (var insert = connection.Statement(null, "poll_fetches", "insert",
            ("issue", issueId), ("subscriber", subscriberId), ("rating", rating), ("at", StoredTime.ToText(now))))
            await insert.ExecuteNonQueryAsync(cancellationToken);
        // The first call sweeps too, so what earlier runs left behind goes as soon as a server starts serving.
        if ((Interlocked.Increment(ref _calls) - 1) % _sweepEvery == 0) await SweepAsync(connection, now, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> LooksScannedAsync(long issueId, long subscriberId, int rating, DateTimeOffset pageFetchedAt,
        CancellationToken cancellationToken = default)
    {
        await using var connection = database.Connect();
        await using var query = connection.Statement(null, "poll_fetches", "other-option-since",
            ("issue", issueId), ("subscriber", subscriberId), ("rating", rating), ("since", StoredTime.ToText(pageFetchedAt - Window)));
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task SweepAsync(DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var sweep = connection.Statement(null, "poll_fetches", "sweep", ("cutoff", StoredTime.ToText(now - 2 * Window)));
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }
}
