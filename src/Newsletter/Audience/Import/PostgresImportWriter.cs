// Streams an import's rows into PostgreSQL with binary COPY and merges them into the list in one statement.
using Npgsql;
using NpgsqlTypes;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// The PostgreSQL import: every checked row goes through one binary <c>COPY</c> (Npgsql's
/// <see cref="NpgsqlBinaryImporter"/>, https://www.postgresql.org/docs/current/sql-copy.html) into a temporary
/// table; rows of already suppressed addresses are set aside and reported, one statement upserts the rest
/// (<c>subscribers/upsert-import</c>, new rows taking ids from a block reserved at once) and one adds their tags:
/// set-based joins instead of a million round trips. Custom fields reach <c>subscriber_fields</c> through the schema's
/// statement triggers. All of it runs in one transaction, kept only by <see cref="Commit"/>, and the list stays open to
/// other sessions meanwhile. Used for an import smaller than the list; a larger one takes
/// <see cref="PostgresBulkImportWriter"/>.
/// </summary>
internal sealed class PostgresImportWriter : IImportWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _source, _now;
    private NpgsqlBinaryImporter? _copy;

    public PostgresImportWriter(Database database, string source, string now)
    {
        _source = source;
        _now = now;
        _connection = (NpgsqlConnection)database.Connect();
        _transaction = _connection.BeginTransaction();
        Execute("""
            CREATE TEMP TABLE import_rows (
                line bigint NOT NULL, email text COLLATE "C" NOT NULL, name text, first_name text, last_name text,
                fields text NOT NULL, status text NOT NULL, tags text[] NOT NULL
            ) ON COMMIT DROP
            """);
        _copy = _connection.BeginBinaryImport(
            "COPY import_rows (line, email, name, first_name, last_name, fields, status, tags) FROM STDIN (FORMAT BINARY)");
    }

    /// <inheritdoc />
    public int Added { get; private set; }

    /// <inheritdoc />
    public int Updated { get; private set; }

    /// <inheritdoc />
    public List<SuppressedRow> Suppressed { get; } = [];

    /// <inheritdoc />
    public void Write(IReadOnlyList<(int Line, ImportRow Row)> rows)
    {
        var copy = _copy ?? throw new InvalidOperationException("the import was completed");
        foreach (var (line, row) in rows)
        {
            copy.StartRow();
            copy.Write((long)line, NpgsqlDbType.Bigint);
            copy.Write(row.Email, NpgsqlDbType.Text);
            WriteText(copy, row.Name);
            WriteText(copy, row.FirstName);
            WriteText(copy, row.LastName);
            copy.Write(row.FieldsJson, NpgsqlDbType.Text);
            copy.Write(row.Status, NpgsqlDbType.Text);
            copy.Write(row.Tags as string[] ?? row.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_copy is null) return;
        _copy.Complete();
        _copy.Dispose();
        _copy = null;
        // Rows for an address that is already suppressed are reported and set aside first, so that everything left
        // is written: a hash join each, rather than a lookup per row.
        using (var suppressed = Command("""
            DELETE FROM import_rows r USING subscribers s
            WHERE lower(s.email) = lower(r.email) AND s.status NOT IN ('active', 'pending')
            RETURNING r.line, r.email, s.status
            """))
        using (var reader = suppressed.ExecuteReader())
            while (reader.Read()) Suppressed.Add(new SuppressedRow((int)reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        // The subscribers the file updates, found once; every other row is new and gets the id base + its line,
        // from a block of ids reserved at once, so that tags need no second lookup by address.
        Execute("""
            CREATE TEMP TABLE import_existing ON COMMIT DROP AS
            SELECT r.line, s.id FROM import_rows r JOIN subscribers s ON lower(s.email) = lower(r.email)
            """);
        long baseId;
        using (var reserve = Command("""
            SELECT setval(pg_get_serial_sequence('subscribers', 'id'),
                          nextval(pg_get_serial_sequence('subscribers', 'id')) + COALESCE((SELECT max(line) FROM import_rows), 0)) -
                   COALESCE((SELECT max(line) FROM import_rows), 0)
            """))
            baseId = reserve.ScalarLong();
        using (var upsert = Command(_connection.Sql("subscribers", "upsert-import")))
        {
            upsert.Bind("source", _source);
            upsert.Bind("now", _now);
            upsert.Bind("base", baseId);
            var written = upsert.ExecuteNonQuery();
            using var existing = Command("SELECT count(*) FROM import_existing");
            Updated = (int)existing.ScalarLong();
            Added = written - Updated;
        }
        using var tags = Command("""
            INSERT INTO subscriber_tags (tag, subscriber_id)
            SELECT DISTINCT t.tag, COALESCE(e.id, @base + r.line)
            FROM import_rows r LEFT JOIN import_existing e ON e.line = r.line, unnest(r.tags) AS t (tag)
            ORDER BY 1, 2
            ON CONFLICT DO NOTHING
            """);
        tags.Bind("base", baseId);
        tags.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Commit()
    {
        Complete();
        _transaction.Commit();
    }

    public void Dispose()
    {
        _copy?.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    private void Execute(string sql) => _connection.Execute(_transaction, sql, timeoutSeconds: 0);

    // A million rows take longer than Npgsql's 30 s default, and the import is the only thing waiting for them.
    private Npgsql.NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction) { CommandTimeout = 0 };
}
