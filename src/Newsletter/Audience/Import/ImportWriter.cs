// Writes an import's valid rows in batches, inside one transaction, and tells the run what became of each.
using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// Upserts rows a hundred at a time through statements prepared once (<see cref="BatchStatement"/>), in a single
/// transaction with a larger page cache: the shape that lets a million rows load in seconds. Rows the upsert
/// leaves alone are suppressed addresses; the run is told each row's outcome with its line.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    private const int BatchSize = 100;
    private static readonly string[] RowParameters = ["email", "name", "fields", "status"];
    private static readonly string[] TagParameters = ["tag", "id"];

    private readonly ImportRun _run;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly BatchStatement _upsertBatch, _upsertOne, _tagBatch, _tagOne;
    private readonly SqliteCommand _status;
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _jsonWriter;
    private readonly long _maxIdBefore;
    private readonly List<(int Line, ImportRow Row)> _rows = new(BatchSize);
    private readonly Dictionary<string, long> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Tag, long Id)> _tags = new(BatchSize);

    public ImportWriter(Database database, ImportRun run, string source, string now)
    {
        _run = run;
        _jsonWriter = new Utf8JsonWriter(_json);
        _connection = database.Connect();
        using (var pragma = _connection.CreateCommand())
        {
            // 64 MiB of page cache keeps the email index's hot pages in memory during a bulk load.
            pragma.CommandText = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";
            pragma.ExecuteNonQuery();
        }
        _transaction = _connection.BeginTransaction();
        using (var max = Command("max-id")) _maxIdBefore = (long)max.ExecuteScalar()!;
        _upsertBatch = new BatchStatement(_connection, _transaction, "upsert-import", BatchSize, RowParameters, ("$source", source), ("$now", now));
        _upsertOne = new BatchStatement(_connection, _transaction, "upsert-import", 1, RowParameters, ("$source", source), ("$now", now));
        _tagBatch = new BatchStatement(_connection, _transaction, "add-tags", BatchSize, TagParameters);
        _tagOne = new BatchStatement(_connection, _transaction, "add-tags", 1, TagParameters);
        _status = Command("status-of");
        _status.Parameters.Add(new SqliteParameter("$email", DBNull.Value));
    }

    /// <summary>Queues a valid row; a full batch is written at once.</summary>
    public void Add(int line, ImportRow row)
    {
        _rows.Add((line, row));
        if (_rows.Count == BatchSize) WriteRows(_upsertBatch, 0, BatchSize);
    }

    /// <summary>Writes what is queued and commits when <paramref name="commit"/>; otherwise the transaction is rolled back on dispose.</summary>
    public void Finish(bool commit)
    {
        for (var i = 0; i < _rows.Count; i++) WriteRows(_upsertOne, i, 1);
        _rows.Clear();
        foreach (var (tag, id) in _tags) WriteTag(_tagOne, 0, tag, id);
        _tags.Clear();
        if (commit) _transaction.Commit();
    }

    public void Dispose()
    {
        _jsonWriter.Dispose();
        _upsertBatch.Dispose();
        _upsertOne.Dispose();
        _tagBatch.Dispose();
        _tagOne.Dispose();
        _status.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }

    private void WriteRows(BatchStatement statement, int first, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var row = _rows[first + i].Row;
            statement.Set(i, 0, row.Email);
            statement.Set(i, 1, string.IsNullOrWhiteSpace(row.Name) ? DBNull.Value : row.Name.Trim());
            statement.Set(i, 2, Json(row.Fields));
            statement.Set(i, 3, row.Status.ToText());
        }
        _ids.Clear();
        using (var reader = statement.Command.ExecuteReader())
            while (reader.Read()) _ids[reader.GetString(1)] = reader.GetInt64(0);
        for (var i = 0; i < count; i++) Record(_rows[first + i].Line, _rows[first + i].Row);
        if (count == BatchSize) _rows.Clear();
    }

    private void Record(int line, ImportRow row)
    {
        if (!_ids.TryGetValue(row.Email, out var id))
        {
            _status.Parameters[0].Value = row.Email;
            _run.Suppress(line, row.Email, _status.ExecuteScalar() as string ?? "suppressed");
            return;
        }
        _run.Stored(id > _maxIdBefore);
        foreach (var tag in row.Tags)
        {
            _tags.Add((tag, id));
            if (_tags.Count == BatchSize) FlushTags();
        }
    }

    private void FlushTags()
    {
        for (var i = 0; i < _tags.Count; i++) _tagBatch.Set(i, 0, _tags[i].Tag);
        for (var i = 0; i < _tags.Count; i++) _tagBatch.Set(i, 1, _tags[i].Id);
        _tagBatch.Command.ExecuteNonQuery();
        _tags.Clear();
    }

    private void WriteTag(BatchStatement statement, int row, string tag, long id)
    {
        statement.Set(row, 0, tag);
        statement.Set(row, 1, id);
        statement.Command.ExecuteNonQuery();
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

    private SqliteCommand Command(string name)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = SqlCatalog.Get("subscribers", name);
        return command;
    }
}
