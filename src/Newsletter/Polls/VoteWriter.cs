// Writes votes through one connection in group commits, acknowledging each vote only after its commit.
using System.Threading.Channels;
using System.Data.Common;
using Newsletter.Audience;
using Newsletter.Storage;

namespace Newsletter.Polls;

/// <summary>The outcome of recording a vote.</summary>
/// <param name="Recorded">False when the issue or subscriber does not exist (nothing was written).</param>
/// <param name="Comment">The comment the reader left earlier with this vote, or null.</param>
/// <param name="FirstName">The name the subscriber is greeted by (<see cref="Audience.Subscriber.FirstName"/>), or null.</param>
public sealed record VoteReceipt(bool Recorded, string? Comment, string? FirstName);

/// <summary>
/// The single writer of votes. SQLite allows one writer at a time and a commit costs a WAL sync, so concurrent
/// votes queue here and a background thread writes whatever has queued as one transaction ("group commit"):
/// at 5,000 votes/s that is tens of votes per commit instead of one. Each caller's task completes only after the
/// transaction holding its vote has committed with <c>synchronous = FULL</c> (https://sqlite.org/pragma.html#pragma_synchronous),
/// so every acknowledged vote is on disk and survives a crash or restart. On PostgreSQL, where writers do not exclude
/// each other, the same batching saves a commit per vote, <c>synchronous_commit = on</c> gives the same promise, each
/// server has its own writer, and batches are written in (issue, subscriber) order so that two servers' writers never
/// deadlock. A failed batch fails each of its votes, and the next batch gets a new connection.
/// </summary>
public sealed class VoteWriter : IAsyncDisposable
{
    /// <summary>Most votes written in one transaction; bounds the latency a batch adds.</summary>
    public const int MaxBatch = 512;

    private readonly Database _database;
    private readonly TimeProvider _clock;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(50_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly Task _loop;

    /// <summary>Starts the writer thread on <paramref name="database"/>.</summary>
    public VoteWriter(Database database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Queues a vote and completes once it is committed.</summary>
    /// <exception cref="DbException">The batch holding the vote could not be committed; the vote was not recorded.</exception>
    /// <exception cref="ChannelClosedException">The writer is shutting down.</exception>
    public async Task<VoteReceipt> RecordAsync(long issueId, long subscriberId, int rating, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(issueId, subscriberId, rating);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task;
    }

    /// <summary>Stops accepting votes, writes those queued and stops the thread.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task Run()
    {
        var batch = new List<Pending>(MaxBatch);
        Connection? open = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                // A batch that failed may have left its connection broken (a PostgreSQL server restarted, a network
                // cut): the next batch gets a fresh one, so one outage fails the votes of its moment, not all later ones.
                if (!Commit(open ??= TryOpen(batch), batch))
                {
                    open?.Dispose();
                    open = null;
                }
                batch.Clear();
            }
        }
        finally
        {
            open?.Dispose();
        }
    }

    // The connection and its statements, or null (each vote of the batch failed) when the database is out of reach.
    private Connection? TryOpen(List<Pending> batch)
    {
        try
        {
            return new Connection(_database.Connect());
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            foreach (var pending in batch) pending.Done.TrySetException(e);
            return null;
        }
    }

    // False when the batch failed (each of its votes then failed with the error).
    private bool Commit(Connection? open, List<Pending> batch)
    {
        if (open is null) return false;
        var receipts = new VoteReceipt[batch.Count];
        try
        {
            using var transaction = open.Db.BeginTransaction();
            var now = StoredTime.ToText(_clock.GetUtcNow());
            // In (issue, subscriber) order, a subscriber's own votes kept in arrival order: writers of several servers
            // on a shared database then lock vote rows in the same order and cannot deadlock each other.
            foreach (var i in Enumerable.Range(0, batch.Count).OrderBy(i => batch[i].IssueId).ThenBy(i => batch[i].SubscriberId))
                receipts[i] = open.Statements.Write(transaction, batch[i], now);
            transaction.Commit();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            foreach (var pending in batch) pending.Done.TrySetException(e);
            return false;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(receipts[i]);
        return true;
    }

    // The writer's one connection and the statements prepared on it.
    private sealed class Connection : IDisposable
    {
        public Connection(DbConnection connection)
        {
            Db = connection;
            try
            {
                // SQLite's pooled connections sync at NORMAL; an acknowledged vote is synced in full. PostgreSQL: an
                // acknowledged vote is one whose commit reached the server's WAL on disk, whatever the server's default
                // (https://www.postgresql.org/docs/current/runtime-config-wal.html#GUC-SYNCHRONOUS-COMMIT).
                using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = connection.Kind() == StoreKind.Postgres ? "SET synchronous_commit = on;" : "PRAGMA synchronous = FULL;";
                    pragma.ExecuteNonQuery();
                }
                Statements = new Statements(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public DbConnection Db { get; }

        public Statements Statements { get; }

        public void Dispose()
        {
            Statements.Dispose();
            Db.Dispose();
        }
    }

    private sealed record Pending(long IssueId, long SubscriberId, int Rating)
    {
        public TaskCompletionSource<VoteReceipt> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    // The two statements prepared once and reused for every vote.
    private sealed class Statements : IDisposable
    {
        private readonly DbCommand _upsert;
        private readonly DbCommand _history;

        public Statements(DbConnection connection)
        {
            _upsert = Prepare(connection, "upsert");
            _history = Prepare(connection, "history");
        }

        public VoteReceipt Write(DbTransaction transaction, Pending vote, string now)
        {
            Bind(_upsert, transaction, vote, now);
            VoteReceipt receipt;
            using (var reader = _upsert.ExecuteReader())
            {
                if (!reader.Read()) return new VoteReceipt(false, null, null);
                receipt = new VoteReceipt(true, reader.IsDBNull(0) ? null : reader.GetString(0),
                    reader.IsDBNull(2) ? PersonName.First(reader.IsDBNull(1) ? null : reader.GetString(1)) : reader.GetString(2));
            }
            Bind(_history, transaction, vote, now);
            _history.ExecuteNonQuery();
            return receipt;
        }

        public void Dispose()
        {
            _upsert.Dispose();
            _history.Dispose();
        }

        private static DbCommand Prepare(DbConnection connection, string name)
        {
            var command = connection.CreateCommand();
            command.CommandText = command.Connection!.Sql("votes", name);
            foreach (var parameter in new[] { "@issue", "@subscriber", "@rating", "@now" })
                command.Bind(parameter, null);
            return command;
        }

        private static void Bind(DbCommand command, DbTransaction transaction, Pending vote, string now)
        {
            command.Transaction = transaction;
            command.Parameters[0].Value = vote.IssueId;
            command.Parameters[1].Value = vote.SubscriberId;
            command.Parameters[2].Value = vote.Rating;
            command.Parameters[3].Value = now;
        }
    }
}
