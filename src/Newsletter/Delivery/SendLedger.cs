// The SQLite ledger that records each delivery before and after it goes to the transport.
using Microsoft.Data.Sqlite;
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Storage;

namespace Newsletter.Delivery;

/// <summary>
/// Exactly-once bookkeeping for a send. Every active subscriber gets one pending row per issue (unique on
/// issue and subscriber); a run claims rows in batches (<c>sending</c>), and records each outcome as soon as the
/// transport answers. After a crash, rows left in <c>sending</c> by another run were in flight: they return to
/// pending and are reported as possible duplicates. A lease per issue keeps two runs from sending it at once.
/// </summary>
public sealed class SendLedger(Database database, TimeProvider clock)
{
    /// <summary>Identifies this run in <c>claimed_by</c> and the lease.</summary>
    public string RunId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"[..^24];

    /// <summary>
    /// Takes the issue's send lease for <paramref name="duration"/> (or renews it); false when another live run holds it.
    /// </summary>
    public bool TryTakeLease(long issueId, TimeSpan duration)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "take-lease", ("$issue", issueId), ("$run", RunId),
            ("$expires", StoredTime.ToText(clock.GetUtcNow() + duration)), ("$now", StoredTime.ToText(clock.GetUtcNow())));
        return command.ExecuteScalar() is string holder && holder == RunId;
    }

    /// <summary>Releases the issue's lease if this run holds it.</summary>
    public void ReleaseLease(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "release-lease", ("$issue", issueId), ("$run", RunId));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Prepares a send: returns deliveries another (crashed) run left in flight to pending, then adds a pending row for
    /// every active subscriber who has none; deferred deliveries are queued again. One transaction.
    /// </summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="slug">Issue slug, the first part of each Message-ID.</param>
    /// <param name="domain">Domain of each Message-ID (the sender's domain).</param>
    /// <param name="segment">Limits the new deliveries to the active subscribers this audience segment selects; null for all.</param>
    /// <returns>How many deliveries were recovered from a crashed run (they may be sent twice) and how many were added.</returns>
    public (int Recovered, int Enqueued) Prepare(long issueId, string slug, string domain, CompiledSegment? segment = null)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var now = StoredTime.ToText(clock.GetUtcNow());
        var recovered = 0;
        using (var recover = Command(connection, "recover-in-flight", ("$issue", issueId), ("$run", RunId), ("$now", now)))
        {
            recover.Transaction = transaction;
            using var reader = recover.ExecuteReader();
            while (reader.Read()) recovered++;
        }
        using (var retry = Command(connection, "retry-deferred", ("$issue", issueId), ("$now", now)))
        {
            retry.Transaction = transaction;
            retry.ExecuteNonQuery();
        }
        using var enqueue = Command(connection, "enqueue-active", ("$issue", issueId), ("$slug", slug), ("$domain", domain), ("$now", now));
        enqueue.Transaction = transaction;
        segment?.Apply(enqueue, SqlCatalog.Get("deliveries", "enqueue-segment"));
        var enqueued = enqueue.ExecuteNonQuery();
        transaction.Commit();
        return (recovered, enqueued);
    }

    /// <summary>Claims up to <paramref name="limit"/> pending deliveries for this run, in id order.</summary>
    public IReadOnlyList<ClaimedDelivery> Claim(long issueId, int limit)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        using (var claim = Command(connection, "claim-batch", ("$issue", issueId), ("$run", RunId), ("$limit", limit),
                   ("$now", StoredTime.ToText(clock.GetUtcNow()))))
        {
            claim.Transaction = transaction;
            claim.ExecuteNonQuery();
        }
        var claimed = new List<ClaimedDelivery>();
        using (var read = Command(connection, "claimed", ("$issue", issueId), ("$run", RunId)))
        {
            read.Transaction = transaction;
            using var reader = read.ExecuteReader();
            while (reader.Read())
                claimed.Add(new ClaimedDelivery(reader.GetInt64(0), reader.GetString(1), SubscriberFrom(reader)));
        }
        transaction.Commit();
        return claimed;
    }

    /// <summary>Returns this run's claimed but unsent deliveries to the queue (after a pause or cancellation).</summary>
    public void Release(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "release-claimed", ("$issue", issueId), ("$run", RunId),
            ("$now", StoredTime.ToText(clock.GetUtcNow())));
        command.ExecuteNonQuery();
    }

    /// <summary>Records the outcome of one delivery.</summary>
    public void Finish(long deliveryId, DeliveryStatus status, string? error = null)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "finish", ("$id", deliveryId), ("$status", status.ToString().ToLowerInvariant()),
            ("$error", (object?)error ?? DBNull.Value), ("$now", StoredTime.ToText(clock.GetUtcNow())));
        command.ExecuteNonQuery();
    }

    /// <summary>Deliveries of the issue by status.</summary>
    public IReadOnlyDictionary<DeliveryStatus, int> Counts(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "counts", ("$issue", issueId));
        using var reader = command.ExecuteReader();
        var counts = Enum.GetValues<DeliveryStatus>().ToDictionary(s => s, _ => 0);
        while (reader.Read())
            counts[Enum.Parse<DeliveryStatus>(reader.GetString(0), ignoreCase: true)] = reader.GetInt32(1);
        return counts;
    }

    private static Subscriber SubscriberFrom(SqliteDataReader reader) => new(
        reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
        SubscriberStatusText.Parse(reader.GetString(6)));

    private static SqliteCommand Command(SqliteConnection connection, string name, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = SqlCatalog.Get("deliveries", name);
        foreach (var (parameterName, value) in parameters) command.Parameters.AddWithValue(parameterName, value);
        return command;
    }
}
