// Streams an import's rows into PostgreSQL with binary COPY and merges them into the list in one statement.
using Npgsql;
using NpgsqlTypes;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// The PostgreSQL import: every checked row goes through one binary <c>COPY</c> (Npgsql's
/// <see cref="NpgsqlBinaryImporter"/>, https://www.postgresql.org/docs/current/sql-copy.html) into a temporary
/// table, then one statement upserts them all (<c>subscribers/upsert-import</c>, which never brings a suppressed
/// address back), adds their tags and reports what became of each: a set-based merge instead of a million round
/// trips. Custom fields reach <c>subscriber_fields</c> through the schema's statement triggers. All of it runs in
/// one transaction, kept only by <see cref="Commit"/>.
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
                line bigint NOT NULL, email text COLLATE nocase NOT NULL, name text, first_name text, last_name text,
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
        long maxIdBefore;
        using (var max = _connection.Statement(_transaction, "subscribers", "max-id")) maxIdBefore = max.ScalarLong();
        using var merge = _connection.CreateCommand();
        merge.Transaction = _transaction;
        // The upsert, the tags of the rows it wrote, and what became of every row, in one statement: a CTE that
        // modifies data runs once, whatever reads it.
        merge.CommandText = $"""
            WITH upserted AS ({_connection.Sql("subscribers", "upsert-import").TrimEnd().TrimEnd(';')}),
            tagged AS (
                INSERT INTO subscriber_tags (tag, subscriber_id)
                SELECT DISTINCT t.tag, u.id FROM upserted u JOIN import_rows r ON r.email = u.email, unnest(r.tags) AS t (tag)
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            SELECT 'added', count(*), NULL, NULL FROM upserted WHERE id > @max
            UNION ALL SELECT 'updated', count(*), NULL, NULL FROM upserted WHERE id <= @max
            UNION ALL SELECT 'suppressed', r.line, r.email, s.status FROM import_rows r JOIN subscribers s ON s.email = r.email
                WHERE NOT EXISTS (SELECT 1 FROM upserted u WHERE u.email = r.email)
            UNION ALL SELECT 'tags', count(*), NULL, NULL FROM tagged
            """;
        merge.Bind("source", _source);
        merge.Bind("now", _now);
        merge.Bind("max", maxIdBefore);
        using var reader = merge.ExecuteReader();
        while (reader.Read())
        {
            switch (reader.GetString(0))
            {
                case "added": Added = (int)reader.GetInt64(1); break;
                case "updated": Updated = (int)reader.GetInt64(1); break;
                case "suppressed": Suppressed.Add(new SuppressedRow((int)reader.GetInt64(1), reader.GetString(2), reader.GetString(3))); break;
            }
        }
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

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
