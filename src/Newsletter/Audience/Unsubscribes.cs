// Unsubscribes a person and records the issue and the way they left, for per-issue reports.
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// The one place a subscriber becomes <c>unsubscribed</c> by their own (or the editor's) choice. Only an active or
/// pending subscriber changes, and only a change is recorded, so a second click, a mail client's repeated one-click
/// POST or the unsubscribe of an address that bounced adds nothing.
/// </summary>
public sealed class Unsubscribes(Database database, TimeProvider clock)
{
    /// <summary>Unsubscribes the subscriber; records where from when their status changed.</summary>
    /// <param name="subscriberId">The subscriber.</param>
    /// <param name="issueId">The issue whose email carried the link (from the signed token); 0 or null for none.</param>
    /// <param name="source">How they left.</param>
    /// <returns>True when they were on the list and now are not; false when nothing changed.</returns>
    public bool Unsubscribe(long subscriberId, long? issueId, UnsubscribeSource source)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var now = StoredTime.ToText(clock.GetUtcNow());
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = update.Connection!.Sql("unsubscribes", "unsubscribe");
        update.Bind("@id", subscriberId);
        update.Bind("@now", now);
        if (update.ExecuteNonQuery() == 0) return false;
        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = record.Connection!.Sql("unsubscribes", "record");
        record.Bind("@id", subscriberId);
        record.Bind("@issue", issueId is > 0 ? issueId.Value : DBNull.Value);
        record.Bind("@source", source.ToText());
        record.Bind("@now", now);
        record.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    /// <summary>People who unsubscribed through a link in the issue's email (each counted once).</summary>
    public int CountForIssue(long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("unsubscribes", "count-by-issue");
        command.Bind("@issue", issueId);
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
