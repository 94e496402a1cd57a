// Records poll ratings: one current vote per subscriber and issue, every click kept in the history.
using Newsletter.Storage;

namespace Newsletter.Polls;

/// <summary>Vote persistence. A later click replaces the current rating; <c>vote_history</c> keeps them all.</summary>
public sealed class VoteStore(Database database, TimeProvider clock)
{
    /// <summary>Records <paramref name="rating"/> for the subscriber's vote on the issue, in one transaction.</summary>
    public void Record(long issueId, long subscriberId, int rating)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var now = StoredTime.ToText(clock.GetUtcNow());
        foreach (var statement in new[] { "upsert", "history" })
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqlCatalog.Get("votes", statement);
            command.Parameters.AddWithValue("$issue", issueId);
            command.Parameters.AddWithValue("$subscriber", subscriberId);
            command.Parameters.AddWithValue("$rating", rating);
            command.Parameters.AddWithValue("$now", now);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Current votes of an issue: rating → number of subscribers.</summary>
    public IReadOnlyDictionary<int, int> Tally(long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = SqlCatalog.Get("votes", "tally");
        command.Parameters.AddWithValue("$issue", issueId);
        using var reader = command.ExecuteReader();
        var tally = new Dictionary<int, int>();
        while (reader.Read()) tally[reader.GetInt32(0)] = reader.GetInt32(1);
        return tally;
    }

    /// <summary>Deliveries of the issue that reached the transport.</summary>
    public int Delivered(long issueId)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = SqlCatalog.Get("votes", "delivered");
        command.Parameters.AddWithValue("$issue", issueId);
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
