// The ledger that records each delivery before and after it goes to the transport, in either store.
using System.Data.Common;
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Storage;

namespace Newsletter.Delivery;

/// <summary>
/// Exactly-once bookkeeping for a send. Every active subscriber gets one pending row per issue (unique on issue and
/// subscriber). A run claims rows in batches (<c>sending</c>), marks each one <c>handed_at</c> right before the
/// transport call and records the outcome as soon as the transport answers. After a crash, only rows with
/// <c>handed_at</c> set can have gone out unrecorded: at most one per transport connection. They are counted as
/// possible duplicates and, like the rest of the dead run's claim, return to pending. A lease per issue keeps two
/// runs from sending it at once.
/// </summary>
/// <remarks>
/// On a shared store (PostgreSQL, <see cref="Database.IsShared"/>) several workers on several machines send one
/// issue together instead: each holds its own lease row in <c>send_workers</c>, claims batches that no other
/// worker is claiming (<c>FOR UPDATE SKIP LOCKED</c>), and takes over the claims of a worker whose lease expired
/// (or, on the same machine, whose process is gone). The hourly budget is then counted in the database across all
/// of them (<see cref="HourlyBudgetLeft"/>).
/// </remarks>
public sealed class SendLedger(Database database, TimeProvider clock)
{
    /// <summary>True when several workers may share one send (a PostgreSQL store).</summary>
    public bool IsShared => database.IsShared;

    /// <summary>Identifies this run in <c>claimed_by</c> and the lease: <c>MACHINE:PID:RANDOM</c>.</summary>
    public string RunId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"[..^24];

    /// <summary>
    /// Takes the issue's send lease for <paramref name="duration"/> (or renews it); false when another live run
    /// holds it. A lease is free once it expires, or at once when its holder was a process on this machine that no
    /// longer runs (a <c>kill -9</c>ed send).
    /// </summary>
    public bool TryTakeLease(long issueId, TimeSpan duration)
    {
        if (database.IsShared)
        {
            JoinSend(issueId, duration);
            return true;
        }
        using var connection = database.Connect();
        var now = clock.GetUtcNow();
        var dead = DeadHolder(connection, issueId);
        using var command = Command(connection, "take-lease", ("@issue", issueId), ("@run", RunId),
            ("@expires", StoredTime.ToText(now + duration)), ("@now", StoredTime.ToText(now)), ("@dead", (object?)dead ?? DBNull.Value));
        return command.ExecuteScalar() is string holder && holder == RunId;
    }

    /// <summary>Releases the issue's lease if this run holds it (on a shared store: leaves the send).</summary>
    public void ReleaseLease(long issueId)
    {
        using var connection = database.Connect();
        if (database.IsShared)
        {
            using var leave = Command(connection, "drop-worker", ("@issue", issueId), ("@holder", RunId));
            leave.ExecuteNonQuery();
            return;
        }
        using var command = Command(connection, "release-lease", ("@issue", issueId), ("@run", RunId));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Prepares a send, in one transaction: deliveries a stopped run had claimed return to pending (those it had
    /// handed to the transport are counted), soft-failed deliveries whose retry time has come are queued again, and
    /// every active subscriber without a row gets a pending one.
    /// </summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="slug">Issue slug, the first part of each Message-ID.</param>
    /// <param name="domain">Domain of each Message-ID (the sender's domain).</param>
    /// <param name="segment">Limits the new deliveries to the active subscribers this audience segment selects; null for all.</param>
    /// <param name="enqueueActive">False to add no rows (a welcome issue, whose deliveries are queued one by one).</param>
    /// <returns>
    /// <c>Recovered</c>: deliveries that were in flight when an earlier run stopped; they are sent again and may arrive
    /// twice. <c>Enqueued</c>: rows added.
    /// </returns>
    public (int Recovered, int Enqueued) Prepare(long issueId, string slug, string domain, CompiledSegment? segment = null,
        bool enqueueActive = true)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var now = StoredTime.ToText(clock.GetUtcNow());
        int recovered;
        if (database.IsShared)
        {
            recovered = RecoverOrphans(connection, transaction, issueId).InFlight;
        }
        else
        {
            recovered = Convert.ToInt32(Run(connection, transaction, "count-in-flight", scalar: true, ("@issue", issueId), ("@run", RunId)));
            Run(connection, transaction, "recover-in-flight", scalar: false, ("@issue", issueId), ("@run", RunId), ("@now", now));
        }
        Run(connection, transaction, "retry-due", scalar: false, ("@issue", issueId), ("@now", now));
        if (!enqueueActive)
        {
            transaction.Commit();
            return (recovered, 0);
        }
        using var enqueue = Command(connection, "enqueue-active", ("@issue", issueId), ("@slug", slug), ("@domain", domain), ("@now", now));
        enqueue.Transaction = transaction;
        segment?.Apply(enqueue, enqueue.Connection!.Sql("deliveries", "enqueue-segment"));
        var enqueued = enqueue.ExecuteNonQuery();
        transaction.Commit();
        return (recovered, enqueued);
    }

    /// <summary>
    /// Queues one pending delivery of the issue for one subscriber (a welcome), unless they have one already in any
    /// state or are not active. The ledger's unique issue and subscriber pair makes a second call a no-op, so a
    /// rerun never queues (or sends) twice.
    /// </summary>
    /// <returns>True when a delivery was queued.</returns>
    public bool Enqueue(long issueId, long subscriberId, string slug, string domain)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "enqueue-one", ("@issue", issueId), ("@subscriber", subscriberId), ("@slug", slug),
            ("@domain", domain), ("@now", StoredTime.ToText(clock.GetUtcNow())));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Queues a delivery of the issue for every active subscriber whose id is above <paramref name="afterId"/> and who has none yet.</summary>
    /// <returns>Deliveries queued.</returns>
    public int EnqueueAddedAfter(long issueId, long afterId, string slug, string domain)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "enqueue-added-after", ("@issue", issueId), ("@after", afterId), ("@slug", slug),
            ("@domain", domain), ("@now", StoredTime.ToText(clock.GetUtcNow())));
        return command.ExecuteNonQuery();
    }

    /// <summary>Deliveries of the issue a run would send or retry (pending, soft-failed or left claimed), whatever their retry time.</summary>
    public int Waiting(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "count-waiting", ("@issue", issueId));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Claims up to <paramref name="limit"/> pending deliveries for this run, in id order.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="limit">Deliveries at most.</param>
    /// <param name="messagesPerHour">
    /// On a shared store, the hourly budget of all workers together (0 for none): the claim is cut to what is left
    /// of it, counted under a lock so that two workers cannot both spend the last of it.
    /// </param>
    public IReadOnlyList<ClaimedDelivery> Claim(long issueId, int limit, int messagesPerHour = 0)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        if (database.IsShared && messagesPerHour > 0)
        {
            Lock(connection, transaction, BudgetLock);
            limit = Math.Min(limit, messagesPerHour - BudgetUsed(connection, transaction));
            if (limit <= 0) return [];
        }
        Run(connection, transaction, "claim-batch", scalar: false, ("@issue", issueId), ("@run", RunId), ("@limit", limit),
            ("@now", StoredTime.ToText(clock.GetUtcNow())));
        var claimed = new List<ClaimedDelivery>();
        using (var read = Command(connection, "claimed", ("@issue", issueId), ("@run", RunId)))
        {
            read.Transaction = transaction;
            using var reader = read.ExecuteReader();
            while (reader.Read())
                claimed.Add(new ClaimedDelivery(reader.GetInt64(0), reader.GetString(1), SubscriberFrom(reader), reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : StoredTime.Parse(reader.GetString(8))));
        }
        transaction.Commit();
        return claimed;
    }

    /// <summary>Returns this run's claimed deliveries that were never handed over to the queue (after a pause or cancellation).</summary>
    public void Release(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "release-claimed", ("@issue", issueId), ("@run", RunId),
            ("@now", StoredTime.ToText(clock.GetUtcNow())));
        command.ExecuteNonQuery();
    }

    /// <summary>Opens the hot path for one run: hand-overs and outcomes on one connection. The caller disposes it.</summary>
    /// <exception cref="DbException">The database cannot be opened.</exception>
    public LedgerSession OpenSession() => new(database, clock);

    /// <summary>Deliveries of the issue by status (every status present, zero when none).</summary>
    public IReadOnlyDictionary<DeliveryStatus, int> Counts(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "counts", ("@issue", issueId));
        using var reader = command.ExecuteReader();
        var counts = Enum.GetValues<DeliveryStatus>().ToDictionary(s => s, _ => 0);
        while (reader.Read()) counts[DeliveryStatusText.Parse(reader.GetString(0))] = reader.GetInt32(1);
        return counts;
    }

    /// <summary>
    /// Deliveries of the issue handed to the transport without a recorded answer: being sent now, or (after a crash)
    /// possibly gone out. Claimed deliveries not yet handed over are not counted: they were certainly not sent.
    /// </summary>
    public int Handed(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "count-handed", ("@issue", issueId));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Why the issue's deliveries that did not go out failed, grouped by outcome and reply, largest group first.</summary>
    public IReadOnlyList<FailureReason> FailureReasons(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "failure-reasons", ("@issue", issueId));
        using var reader = command.ExecuteReader();
        var reasons = new FailureReasons();
        while (reader.Read()) reasons.Add(DeliveryStatusText.Parse(reader.GetString(0)), reader.GetString(1));
        return reasons.Groups();
    }

    /// <summary>The earliest retry time of the issue's soft-failed deliveries, or null when none waits.</summary>
    public DateTimeOffset? NextRetry(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "next-retry", ("@issue", issueId));
        return command.ExecuteScalar() is string text ? StoredTime.Parse(text) : null;
    }

    /// <summary>How many times deliveries of the issue were found in flight after a crash (each a possible duplicate).</summary>
    public int RecoveredTotal(long issueId)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "recovered-total", ("@issue", issueId));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Messages accepted since <paramref name="since"/>, across every issue (for the hourly rate limit).</summary>
    public int SentSince(DateTimeOffset since)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "sent-since", ("@since", StoredTime.ToText(since)));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>
    /// On a shared store: puts the claims of workers that died (lease expired, or process gone on this machine) back
    /// in the queue, so that the live workers send them.
    /// </summary>
    /// <returns>Deliveries put back.</returns>
    public int RecoverOrphans(long issueId)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var (returned, _) = RecoverOrphans(connection, transaction, issueId);
        transaction.Commit();
        return returned;
    }

    /// <summary>
    /// On a shared store: how much of <paramref name="messagesPerHour"/> all workers together have left, counting
    /// what was accepted in the last hour and what live workers have claimed. <see cref="int.MaxValue"/> when 0.
    /// </summary>
    public int HourlyBudgetLeft(int messagesPerHour)
    {
        if (messagesPerHour <= 0) return int.MaxValue;
        using var connection = database.Connect();
        return messagesPerHour - BudgetUsed(connection, null);
    }

    /// <summary>On a shared store: the workers whose lease on this issue's send has not expired (<c>MACHINE:PID:RANDOM</c> each).</summary>
    public IReadOnlyList<string> Senders(long issueId)
    {
        using var connection = database.Connect();
        var now = clock.GetUtcNow();
        return Workers(connection, null, issueId).Where(w => w.Expires >= now).Select(w => w.Holder).ToList();
    }

    /// <summary>Workers sending any issue now, at least 1 (this one): the per-second rate is shared among them.</summary>
    public int LiveWorkers()
    {
        using var connection = database.Connect();
        using var command = Command(connection, "live-workers", ("@now", StoredTime.ToText(clock.GetUtcNow())));
        return (int)Math.Max(1, command.ScalarLong());
    }

    // Any constant both programs agree on: it serialises the hourly budget's check-and-claim across workers.
    private const long BudgetLock = 0x6e6c62756467; // "nlbudg"

    private int BudgetUsed(DbConnection connection, DbTransaction? transaction)
    {
        using var command = Command(connection, "budget-used", ("@since", StoredTime.ToText(clock.GetUtcNow() - TimeSpan.FromHours(1))));
        command.Transaction = transaction;
        return (int)command.ScalarLong();
    }

    private void JoinSend(long issueId, TimeSpan duration)
    {
        using var connection = database.Connect();
        using var command = Command(connection, "join-send", ("@issue", issueId), ("@run", RunId),
            ("@expires", StoredTime.ToText(clock.GetUtcNow() + duration)));
        command.ExecuteNonQuery();
    }

    // Dead workers leave the send first; then every claim whose holder has no lease is an orphan. Under a lock per
    // issue, so that two workers recovering at once count each possible duplicate once.
    private (int Returned, int InFlight) RecoverOrphans(DbConnection connection, DbTransaction transaction, long issueId)
    {
        Lock(connection, transaction, issueId);
        var now = clock.GetUtcNow();
        foreach (var (holder, expires) in Workers(connection, transaction, issueId))
        {
            if (holder == RunId || (expires >= now && !IsDead(holder))) continue;
            using var drop = Command(connection, "drop-worker", ("@issue", issueId), ("@holder", holder));
            drop.Transaction = transaction;
            drop.ExecuteNonQuery();
        }
        var inFlight = Convert.ToInt32(Run(connection, transaction, "count-orphaned-in-flight", scalar: true, ("@issue", issueId), ("@run", RunId)));
        using var recover = Command(connection, "recover-orphaned", ("@issue", issueId), ("@run", RunId), ("@now", StoredTime.ToText(now)));
        recover.Transaction = transaction;
        return (recover.ExecuteNonQuery(), inFlight);
    }

    // The lease rows of the issue's workers, expired ones included.
    private static List<(string Holder, DateTimeOffset Expires)> Workers(DbConnection connection, DbTransaction? transaction, long issueId)
    {
        using var read = Command(connection, "workers", ("@issue", issueId));
        read.Transaction = transaction;
        using var reader = read.ExecuteReader();
        var workers = new List<(string, DateTimeOffset)>();
        while (reader.Read()) workers.Add((reader.GetString(0), StoredTime.Parse(reader.GetString(1))));
        return workers;
    }

    // PostgreSQL's transaction-scoped advisory lock; SQLite needs none (it has one writer at a time).
    private static void Lock(DbConnection connection, DbTransaction transaction, long key)
    {
        if (connection.Kind() == StoreKind.Postgres) connection.Execute(transaction, $"SELECT pg_advisory_xact_lock({key})");
    }

    // A holder is "MACHINE:PID:RANDOM"; only a process on this machine can be known dead.
    private static string? DeadHolder(DbConnection connection, long issueId)
    {
        using var command = Command(connection, "lease-holder", ("@issue", issueId));
        if (command.ExecuteScalar() is not string holder) return null;
        return IsDead(holder) ? holder : null;
    }

    private static bool IsDead(string holder)
    {
        var parts = holder.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static object? Run(DbConnection connection, DbTransaction transaction, string name, bool scalar,
        params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, name, parameters);
        command.Transaction = transaction;
        return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
    }

    private static Subscriber SubscriberFrom(DbDataReader reader) => new(
        reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
        SubscriberStatusText.Parse(reader.GetString(6)))
    {
        GivenName = reader.IsDBNull(9) ? null : reader.GetString(9),
        FamilyName = reader.IsDBNull(10) ? null : reader.GetString(10),
    };

    private static DbCommand Command(DbConnection connection, string name, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("deliveries", name);
        foreach (var (parameterName, value) in parameters) command.Bind(parameterName, value);
        return command;
    }
}
