// Records one parsed report once, and suppresses the subscriber it is about when the rules say so.
using System.Data.Common;
using Newsletter.Audience;
using Newsletter.Storage;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Writes each report in its own transaction, so a failure leaves nothing half-written: the row in
/// <c>bounces</c> (unique on the report's Message-ID, so a report read twice counts once), the ledger's
/// <c>bounced</c> state for a hard bounce of a sent delivery, and the suppression: a hard bounce makes the subscriber
/// <c>bounced</c>, a complaint <c>complained</c>, and <paramref name="softBounceLimit"/> soft bounces in a row (with no
/// delivery that went through in between) <c>bounced</c>. Only active or pending subscribers change status.
/// </summary>
/// <param name="database">The workspace database.</param>
/// <param name="verp">Verifies VERP tokens; null when no bounce address is configured.</param>
/// <param name="softBounceLimit">Soft bounces in a row that suppress; 0 never.</param>
/// <param name="clock">Time source for <c>received_at</c> and status changes.</param>
public sealed class BounceRecorder(Database database, VerpAddress? verp, int softBounceLimit, TimeProvider clock)
{
    private readonly DeliveryMatcher _matcher = new(verp);

    /// <summary>Records <paramref name="report"/> (nothing for a non-bounce) and applies suppression.</summary>
    /// <param name="report">The parsed report.</param>
    /// <param name="reportKey">The report's unique key: its Message-ID, or a content hash when it has none.</param>
    /// <exception cref="DbException">The database cannot be written; the transaction is rolled back.</exception>
    public BounceOutcome Record(BounceReport report, string reportKey)
    {
        if (report.Kind == BounceKind.NotBounce) return new BounceOutcome(report, DeliveryMatch.None, false, false);
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var match = _matcher.Match(connection, transaction, report);
        var now = StoredTime.ToText(clock.GetUtcNow());
        using (var insert = Command(connection, transaction, "insert",
            ("@delivery", match.DeliveryId), ("@subscriber", match.SubscriberId), ("@issue", match.IssueId), ("@kind", report.Kind.ToText()),
            ("@status_code", report.StatusCode), ("@diagnostic", report.Diagnostic), ("@recipient", report.Recipient),
            ("@matched_by", match.MethodText), ("@report_message_id", reportKey), ("@now", now)))
        {
            if (insert.ExecuteScalar() is null) return new BounceOutcome(report, match, false, false);
        }
        var suppressed = false;
        if (match.SubscriberId is { } subscriber)
        {
            if (report.Kind == BounceKind.HardBounce && match.DeliveryId is { } delivery)
                Execute(connection, transaction, "mark-delivery-bounced", ("@id", delivery), ("@error", report.Diagnostic ?? report.StatusCode), ("@now", now));
            var status = report.Kind switch
            {
                BounceKind.HardBounce => SubscriberStatus.Bounced,
                BounceKind.Complaint => SubscriberStatus.Complained,
                _ when softBounceLimit > 0 && SoftStreak(connection, transaction, subscriber) >= softBounceLimit => SubscriberStatus.Bounced,
                _ => (SubscriberStatus?)null,
            };
            if (status is { } s)
                suppressed = Execute(connection, transaction, "suppress", ("@id", subscriber), ("@status", s.ToText()), ("@now", now)) > 0;
        }
        transaction.Commit();
        return new BounceOutcome(report, match, true, suppressed);
    }

    private static long SoftStreak(DbConnection connection, DbTransaction transaction, long subscriber)
    {
        using var command = Command(connection, transaction, "soft-streak", ("@subscriber", subscriber));
        return (long)command.ExecuteScalar()!;
    }

    private static int Execute(DbConnection connection, DbTransaction transaction, string name, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, name, parameters);
        return command.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string name, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = command.Connection!.Sql("bounces", name);
        foreach (var (parameterName, value) in parameters) command.Bind(parameterName, value ?? DBNull.Value);
        return command;
    }
}
