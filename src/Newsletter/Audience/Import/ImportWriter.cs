// The prepared statements an import re-uses for every row, inside one transaction.
using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// Upserts rows through commands prepared once and re-bound per row (SQLite compiles each statement once), in a
/// single transaction with a larger page cache: the shape that lets a million rows load in seconds.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _tag;
    private readonly SqliteCommand _status;
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _jsonWriter;
    private readonly long _maxIdBefore;

    public ImportWriter(Database database, string source, string now)
    {
        _jsonWriter = new Utf8JsonWriter(_json);
        _connection = database.Connect();
        using (var pragma = _connection.CreateCommand())
        {
            // 64 MiB of page cache keeps the email index's hot pages in memory during a bulk load.
            pragma.CommandText = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";
            pragma.ExecuteNonQuery();
        }
        _transaction = _connection.BeginTransaction();
        _maxIdBefore = (long)Command("max-id").ExecuteScalar()!;
        _upsert = Command("upsert-import", "$email", "$name", "$fields", "$status");
        _upsert.Parameters.AddWithValue("$source", source);
        _upsert.Parameters.AddWithValue("$now", now);
        _tag = Command("add-tag", "$tag", "$id");
        _status = Command("status-of", "$email");
        _upsert.Prepare();
        _tag.Prepare();
    }

    /// <summary>Upserts one row; returns the id and whether it is new, or null when the address is suppressed.</summary>
    public (long Id, bool Added)? Upsert(string email, string? name, IReadOnlyList<KeyValuePair<string, string>> fields,
        SubscriberStatus status, IReadOnlyList<string> tags)
    {
        _upsert.Parameters[0].Value = email;
        _upsert.Parameters[1].Value = string.IsNullOrWhiteSpace(name) ? DBNull.Value : name.Trim();
        _upsert.Parameters[2].Value = Json(fields);
        _upsert.Parameters[3].Value = status.ToText();
        var result = _upsert.ExecuteScalar();
        if (result is not long id) return null;
        foreach (var tag in tags)
        {
            _tag.Parameters[0].Value = tag;
            _tag.Parameters[1].Value = id;
            _tag.ExecuteNonQuery();
        }
        return (id, id > _maxIdBefore);
    }

    /// <summary>The stored status of an address (used to say why a row was suppressed).</summary>
    public string StatusOf(string email)
    {
        _status.Parameters[0].Value = email;
        return _status.ExecuteScalar() as string ?? "suppressed";
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _jsonWriter.Dispose();
        _upsert.Dispose();
        _tag.Dispose();
        _status.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }

    private string Json(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (fields.Count == 0) return "{}";
        _json.ResetWrittenCount();
        _jsonWriter.Reset(_json);
        _jsonWriter.WriteStartObject();
        foreach (var (key, value) in fields) _jsonWriter.WriteString(key, value);
        _jsonWriter.WriteEndObject();
        _jsonWriter.Flush();
        return System.Text.Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private SqliteCommand Command(string name, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = SqlCatalog.Get("subscribers", name);
        foreach (var parameter in parameters) command.Parameters.Add(new SqliteParameter(parameter, DBNull.Value));
        return command;
    }
}
