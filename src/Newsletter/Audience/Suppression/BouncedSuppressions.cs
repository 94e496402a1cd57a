// Finds and lifts suppressions that sends recorded as hard bounces, for when a server's refusal was not the address's fault.
using Newsletter.Storage;

namespace Newsletter.Audience.Suppression;

/// <summary>A subscriber suppressed by a hard bounce during a send.</summary>
/// <param name="Id">Subscriber id.</param>
/// <param name="Email">The address.</param>
/// <param name="Issue">Slug of the issue whose delivery bounced.</param>
/// <param name="Reply">The server's reply, e.g. <c>550 5.0.0 Error: command failed</c>.</param>
/// <param name="BouncedAt">When the bounce was recorded (UTC).</param>
public sealed record BouncedSubscriber(long Id, string Email, string Issue, string? Reply, DateTimeOffset BouncedAt);

/// <summary>
/// The way back from a relay that refused everyone: lists the subscribers that sends suppressed as bounced, and
/// makes them active again with their bounced deliveries queued once more. Unsubscribed, complained and erased
/// subscribers are never touched.
/// </summary>
public sealed class BouncedSuppressions(Database database, TimeProvider clock)
{
    /// <summary>The bounced subscribers, one row each (their newest bounce), optionally since a time or for one issue.</summary>
    /// <param name="since">Only bounces recorded at or after this time; null for all.</param>
    /// <param name="issueSlug">Only bounces of this issue; null for every issue.</param>
    public IReadOnlyList<BouncedSubscriber> Find(DateTimeOffset? since, string? issueSlug)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "bounced-by-sends");
        command.Bind("@since", StoredTime.ToText(since ?? DateTimeOffset.MinValue));
        command.Bind("@issue", (object?)issueSlug ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var found = new List<BouncedSubscriber>();
        while (reader.Read())
        {
            if (found.Count > 0 && found[^1].Id == reader.GetInt64(0)) continue;
            found.Add(new BouncedSubscriber(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), StoredTime.Parse(reader.GetString(4))));
        }
        return found;
    }

    /// <summary>Makes <paramref name="subscribers"/> active again and queues their bounced deliveries, all in one transaction.</summary>
    /// <returns>How many subscribers were restored (those still bounced when this ran).</returns>
    public int Restore(IReadOnlyList<BouncedSubscriber> subscribers)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        using var unsuppress = connection.CreateCommand();
        unsuppress.Transaction = transaction;
        unsuppress.CommandText = unsuppress.Connection!.Sql("subscribers", "unsuppress-bounced");
        using var requeue = connection.CreateCommand();
        requeue.Transaction = transaction;
        requeue.CommandText = requeue.Connection!.Sql("subscribers", "requeue-bounced");
        var now = StoredTime.ToText(clock.GetUtcNow());
        var restored = 0;
        foreach (var subscriber in subscribers)
        {
            foreach (var command in new[] { unsuppress, requeue })
            {
                command.Parameters.Clear();
                command.Bind("@id", subscriber.Id);
                command.Bind("@now", now);
            }
            if (unsuppress.ExecuteNonQuery() == 0) continue;
            requeue.ExecuteNonQuery();
            restored++;
        }
        transaction.Commit();
        return restored;
    }
}
