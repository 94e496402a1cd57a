// `subscribers forget`: deletes a person's data and keeps only what suppression needs.
using Newsletter.Storage;

namespace Newsletter.Audience.Suppression;

/// <summary>
/// Erases a subscriber (GDPR Art. 17): their row, tags, deliveries and votes are deleted in one transaction and
/// only the salted hash of their address stays in <c>erased_addresses</c>, so they are never mailed or re-imported.
/// Issue figures lose that person's delivery and vote.
/// </summary>
public sealed class Erasure(SubscriberStore subscribers, ErasedAddresses erased, TimeProvider clock)
{
    /// <summary>Forgets <paramref name="email"/>; false when no subscriber has that address (its hash is recorded anyway).</summary>
    /// <exception cref="InputException">The address is invalid.</exception>
    public bool Forget(string email)
    {
        var normalized = EmailAddress.Normalize(email);
        var subscriber = subscribers.FindByEmail(normalized);
        using var connection = erased.Database.Connect();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = command.Connection!.Sql("subscribers", "forget");
        command.Bind("@hash", erased.Hash(normalized));
        command.Bind("@reason", "erased" + (subscriber is null ? "" : " while " + subscriber.Status.ToText()));
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        command.Bind("@id", subscriber?.Id ?? -1);
        command.ExecuteNonQuery();
        transaction.Commit();
        return subscriber is not null;
    }
}
