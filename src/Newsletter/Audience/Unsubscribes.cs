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
        update.CommandText = SqlCatalog.Get("unsubscribes", "unsubscribe");
        update.Parameters.AddWithValue("$id", subscriberId);
        update.Parameters.AddWithValue("$now", now);
        if (update.ExecuteNonQuery() == 0) return false;
        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = SqlCatalog.Get("unsubscribes", "record");
        record.Parameters.AddWithValue("$id", subscriberId);
        record.Parameters.AddWithValue("$issue", issueId is > 0 ? issueId.Value : DBNull.Value);
        record.Parameters.AddWithValue("$source", source.ToText());
        record.Parameters.AddWithValue("$now", now);
        record.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    /// <summary>People who unsubscribed through a link in the issue's email (each counted once).</summary>
    public int CountForIssue(long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = SqlCatalog.Get("unsubscribes", "count-by-issue");
        command.Parameters.AddWithValue("$issue", issueId);
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
