// The send loop's hot path into the ledger: one connection and two prepared statements for a whole run.
using System.Data.Common;
using Newsletter.Storage;

namespace Newsletter.Delivery;

/// <summary>
/// Records hand-overs and outcomes for one run of <see cref="IssueSender"/> on a single open connection with
/// prepared statements, so the two writes per message cost a statement each rather than a connection each.
/// Thread-safe: workers take turns (SQLite has one writer at a time anyway). Dispose when the run ends.
/// </summary>
public sealed class LedgerSession : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly DbConnection _connection;
    private readonly DbCommand _hand;
    private readonly DbCommand _finish;

    internal LedgerSession(Database database, TimeProvider clock)
    {
        _clock = clock;
        _connection = database.Connect();
        _hand = Prepare("hand", "@id", "@now");
        _finish = Prepare("finish", "@id", "@status", "@error", "@now", "@retry_at");
    }

    /// <summary>Records that the delivery is about to be handed to the transport; call right before the send.</summary>
    public void Hand(long deliveryId)
    {
        lock (_lock)
        {
            // By position, in Prepare's order: no name lookup per message.
            _hand.Parameters[0].Value = deliveryId;
            _hand.Parameters[1].Value = StoredTime.ToText(_clock.GetUtcNow());
            _hand.ExecuteNonQuery();
        }
    }

    /// <summary>Records the outcome of one delivery.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="status">The new state.</param>
    /// <param name="error">Server reply or error text, or null.</param>
    /// <param name="retryAt">For <see cref="DeliveryStatus.Deferred"/>: when to try again.</param>
    public void Finish(long deliveryId, DeliveryStatus status, string? error = null, DateTimeOffset? retryAt = null)
    {
        lock (_lock)
        {
            _finish.Parameters[0].Value = deliveryId;
            _finish.Parameters[1].Value = status.ToText();
            _finish.Parameters[2].Value = (object?)error ?? DBNull.Value;
            _finish.Parameters[3].Value = StoredTime.ToText(_clock.GetUtcNow());
            _finish.Parameters[4].Value = retryAt is { } at ? StoredTime.ToText(at) : DBNull.Value;
            _finish.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _hand.Dispose();
        _finish.Dispose();
        _connection.Dispose();
    }

    private DbCommand Prepare(string name, params string[] parameters)
    {
        var command = _connection.Statement(null, "deliveries", name, parameters.Select(p => (p, (object?)null)).ToArray());
        command.Prepare();
        return command;
    }
}
