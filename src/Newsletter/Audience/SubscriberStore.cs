// Reads and writes subscribers in the workspace database.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>Subscriber persistence. Addresses are normalised with <see cref="EmailAddress"/> before they are stored or looked up.</summary>
public sealed class SubscriberStore(Database database, TimeProvider clock)
{
    /// <summary>Adds a subscriber, or updates the name and merges the fields of an existing one (status is kept).</summary>
    /// <returns>The stored subscriber.</returns>
    /// <exception cref="FormatException">The address is invalid.</exception>
    public Subscriber Add(string email, string? name, IReadOnlyDictionary<string, string>? fields = null, string source = "cli")
    {
        using var connection = database.Connect();
        return Add(connection, null, EmailAddress.Normalize(email), name, fields, source);
    }

    /// <summary>Adds within an open transaction (used by imports); <paramref name="normalizedEmail"/> must already be normalised.</summary>
    public Subscriber Add(SqliteConnection connection, SqliteTransaction? transaction, string normalizedEmail, string? name,
        IReadOnlyDictionary<string, string>? fields, string source)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqlCatalog.Get("subscribers", "insert");
        command.Parameters.AddWithValue("$email", normalizedEmail);
        command.Parameters.AddWithValue("$name", string.IsNullOrWhiteSpace(name) ? DBNull.Value : name.Trim());
        command.Parameters.AddWithValue("$fields", JsonSerializer.Serialize(fields ?? new Dictionary<string, string>()));
        command.Parameters.AddWithValue("$status", SubscriberStatus.Active.ToText());
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$now", StoredTime.ToText(clock.GetUtcNow()));
        using var reader = command.ExecuteReader();
        reader.Read();
        var id = reader.GetInt64(0);
        return Find(connection, transaction, "by-id", "$id", id)!;
    }

    /// <summary>The subscriber with this address, or null. The address is normalised first.</summary>
    /// <exception cref="FormatException">The address is invalid.</exception>
    public Subscriber? FindByEmail(string email)
    {
        using var connection = database.Connect();
        return Find(connection, null, "by-email", "$email", EmailAddress.Normalize(email));
    }

    /// <summary>The subscriber with this id, or null.</summary>
    public Subscriber? FindById(long id)
    {
        using var connection = database.Connect();
        return Find(connection, null, "by-id", "$id", id);
    }

    /// <summary>Every subscriber, in id order, streamed.</summary>
    public IEnumerable<Subscriber> List()
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = SqlCatalog.Get("subscribers", "list");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return Read(reader);
    }

    /// <summary>Sets a subscriber's status; returns false when it already had it.</summary>
    public bool SetStatus(long id, SubscriberStatus status)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = SqlCatalog.Get("subscribers", "set-status");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$status", status.ToText());
        command.Parameters.AddWithValue("$now", StoredTime.ToText(clock.GetUtcNow()));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Reads one row of the shape <c>id, email, name, fields, status</c>.</summary>
    public static Subscriber Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [],
        SubscriberStatusText.Parse(reader.GetString(4)));

    private static Subscriber? Find(SqliteConnection connection, SqliteTransaction? transaction, string statement, string parameter, object value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqlCatalog.Get("subscribers", statement);
        command.Parameters.AddWithValue(parameter, value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }
}
