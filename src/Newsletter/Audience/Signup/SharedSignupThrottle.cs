// Limits sign-up attempts per address and per client across every web server, counted in the shared database.
using Newsletter.Storage;

namespace Newsletter.Audience.Signup;

/// <summary>
/// The <see cref="ISignupThrottle"/> for a database several <c>serve</c> processes share (PostgreSQL): each allowed
/// attempt is a row of <c>signup_attempts</c>, and an attempt is allowed while its key has fewer than
/// <c>limit</c> rows in the last <c>window</c>, whichever server took them. The count and the insert are one step
/// per key (a transaction with a per-key lock), so two servers cannot both take the last attempt. Keys are stored as
/// <c>scope:key</c> in lower case, so throttles with different limits share the table without seeing each other's
/// rows. Every <c>sweepEvery</c>-th attempt of this process (and its first) deletes this scope's rows that no longer
/// count. Thread-safe; every call takes its own pooled connection.
/// </summary>
/// <param name="database">The database holding <c>signup_attempts</c> (schema version 10 or later).</param>
/// <param name="clock">The time source for attempt times and the window.</param>
/// <param name="scope">What this throttle limits, e.g. <c>address</c> or <c>client</c>: letters only.</param>
/// <param name="limit">Most attempts per key in any window (at least 1).</param>
/// <param name="window">The sliding window's length.</param>
/// <param name="sweepEvery">How many attempts of this process come between two sweeps (at least 1).</param>
public sealed class SharedSignupThrottle(Database database, TimeProvider clock, string scope, int limit, TimeSpan window, int sweepEvery = 64)
    : ISignupThrottle
{
    private readonly string _prefix = scope.Length > 0 && scope.All(char.IsAsciiLetterLower)
        ? scope + ":"
        : throw new ArgumentException($"a throttle's scope is lower-case letters, not '{scope}'", nameof(scope));
    private readonly int _limit = limit >= 1 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "at least 1");
    private readonly int _sweepEvery = sweepEvery >= 1 ? sweepEvery : throw new ArgumentOutOfRangeException(nameof(sweepEvery), sweepEvery, "at least 1");
    private long _calls;

    /// <inheritdoc />
    public async ValueTask<bool> TryAcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var stored = _prefix + key.ToLowerInvariant();
        await using var connection = database.Connect();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockKey = connection.Statement(transaction, "signup_attempts", "lock-key", ("key", stored)))
            await lockKey.ExecuteNonQueryAsync(cancellationToken);
        bool allowed;
        await using (var acquire = connection.Statement(transaction, "signup_attempts", "acquire",
            ("key", stored), ("now", StoredTime.ToText(now)), ("since", StoredTime.ToText(now - window)), ("limit", _limit)))
            allowed = await acquire.ExecuteNonQueryAsync(cancellationToken) == 1;
        if ((Interlocked.Increment(ref _calls) - 1) % _sweepEvery == 0)
        {
            await using var sweep = connection.Statement(transaction, "signup_attempts", "sweep",
                ("cutoff", StoredTime.ToText(now - window)), ("length", _prefix.Length), ("prefix", _prefix));
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return allowed;
    }
}
