// Reads and writes subscribers in the workspace database.
using System.Text.Json;
using System.Data.Common;
using Newsletter.Audience.Segments;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>Subscriber persistence. Addresses are normalised with <see cref="EmailAddress"/> before they are stored or looked up.</summary>
public sealed class SubscriberStore(Database database, TimeProvider clock)
{
    /// <summary>Adds an active subscriber, or updates the name, merges the fields and adds the tags of an existing one (status is kept).</summary>
    /// <returns>The stored subscriber.</returns>
    /// <exception cref="InputException">The address, the name (see <see cref="SubscriberName"/>) or a tag is invalid.</exception>
    public Subscriber Add(string email, string? name, IReadOnlyDictionary<string, string>? fields = null, string source = "cli",
        IEnumerable<string>? tags = null)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var subscriber = Add(connection, transaction, EmailAddress.Normalize(email), name, fields, source);
        foreach (var text in tags ?? [])
        {
            if (!Tags.TryNormalize(text, out var tag, out var reason)) throw new InputException(reason);
            AddTag(connection, transaction, subscriber.Id, tag);
        }
        transaction.Commit();
        return FindById(subscriber.Id)!;
    }

    /// <summary>Adds within an open transaction; <paramref name="normalizedEmail"/> must already be normalised.</summary>
    /// <exception cref="InputException">The name breaks a rule of <see cref="SubscriberName"/>.</exception>
    public Subscriber Add(DbConnection connection, DbTransaction? transaction, string normalizedEmail, string? name,
        IReadOnlyDictionary<string, string>? fields, string source)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = command.Connection!.Sql("subscribers", "insert");
        command.Bind("@email", normalizedEmail);
        command.Bind("@name", (object?)SubscriberName.Normalize(name) ?? DBNull.Value);
        command.Bind("@fields", JsonSerializer.Serialize(fields ?? new Dictionary<string, string>()));
        command.Bind("@status", SubscriberStatus.Active.ToText());
        command.Bind("@source", source);
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        long id;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            id = reader.GetInt64(0);
        }
        return Find(connection, transaction, "by-id", "@id", id)!;
    }

    /// <summary>Whether any subscriber has the custom field <paramref name="name"/> (exact name, as stored).</summary>
    public bool HasField(string name)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "has-field");
        command.Bind("@name", name);
        return (long)command.ExecuteScalar()! == 1;
    }

    /// <summary>Adds a pending subscriber (double opt-in, RFC 5321 address already normalised); returns its id.</summary>
    /// <exception cref="InputException">The name breaks a rule of <see cref="SubscriberName"/>.</exception>
    public long AddPending(string normalizedEmail, string? name, string source)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "insert-pending");
        command.Bind("@email", normalizedEmail);
        command.Bind("@name", (object?)SubscriberName.Normalize(name) ?? DBNull.Value);
        command.Bind("@source", source);
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Activates a pending subscriber and records the confirmation time; false when it was not pending.</summary>
    public bool Confirm(long id)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "confirm");
        command.Bind("@id", id);
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>The subscriber with this address, or null. The address is normalised first.</summary>
    /// <exception cref="InputException">The address is invalid.</exception>
    public Subscriber? FindByEmail(string email)
    {
        using var connection = database.Connect();
        return Find(connection, null, "by-email", "@email", EmailAddress.Normalize(email));
    }

    /// <summary>The subscriber with this id, or null.</summary>
    public Subscriber? FindById(long id)
    {
        using var connection = database.Connect();
        return Find(connection, null, "by-id", "@id", id);
    }

    /// <summary>Every subscriber (or those with <paramref name="status"/>), in id order, streamed one row at a time.</summary>
    public IEnumerable<Subscriber> List(SubscriberStatus? status = null)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", status is null ? "list" : "list-by-status");
        if (status is { } s) command.Bind("@status", s.ToText());
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return Read(reader);
    }

    /// <summary>The active subscribers <paramref name="segment"/> selects, in id order, streamed one row at a time.</summary>
    public IEnumerable<Subscriber> List(CompiledSegment segment)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        segment.Apply(command, command.Connection!.Sql("subscribers", "list-segment"));
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return Read(reader);
    }

    /// <summary>How many active subscribers <paramref name="segment"/> selects.</summary>
    public long Count(CompiledSegment segment)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        segment.Apply(command, command.Connection!.Sql("subscribers", "count-segment"));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The highest subscriber id so far (0 for an empty list): every subscriber added later has a larger one.</summary>
    public long MaxId()
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "max-id");
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Sets a subscriber's status; returns false when it already had it.</summary>
    public bool SetStatus(long id, SubscriberStatus status)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "set-status");
        command.Bind("@id", id);
        command.Bind("@status", status.ToText());
        command.Bind("@now", StoredTime.ToText(clock.GetUtcNow()));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>
    /// Reads one row of the shape <c>id, email, name, fields, status</c>, optionally followed by
    /// <c>source, created_at, confirmed_at, status_changed_at, tags, first_name, last_name</c> (the full shape of
    /// <c>subscribers.sql</c>).
    /// </summary>
    public static Subscriber Read(DbDataReader reader)
    {
        var subscriber = new Subscriber(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [],
            SubscriberStatusText.Parse(reader.GetString(4)));
        if (reader.FieldCount < 10) return subscriber;
        return subscriber with
        {
            Source = reader.IsDBNull(5) ? null : reader.GetString(5),
            CreatedAt = Time(reader, 6),
            ConfirmedAt = Time(reader, 7),
            StatusChangedAt = Time(reader, 8),
            Tags = reader.IsDBNull(9) ? [] : reader.GetString(9).Split(' ').Order(StringComparer.Ordinal).ToList(),
            GivenName = reader.FieldCount > 10 && !reader.IsDBNull(10) ? reader.GetString(10) : null,
            FamilyName = reader.FieldCount > 11 && !reader.IsDBNull(11) ? reader.GetString(11) : null,
        };
    }

    internal static void AddTag(DbConnection connection, DbTransaction? transaction, long id, string tag)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = command.Connection!.Sql("subscribers", "add-tag");
        command.Bind("@tag", tag);
        command.Bind("@id", id);
        command.ExecuteNonQuery();
    }

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredTime.Parse(reader.GetString(ordinal));

    private static Subscriber? Find(DbConnection connection, DbTransaction? transaction, string statement, string parameter, object value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = command.Connection!.Sql("subscribers", statement);
        command.Bind(parameter, value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }
}
