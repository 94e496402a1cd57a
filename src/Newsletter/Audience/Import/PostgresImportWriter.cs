// Streams an import's rows into PostgreSQL with binary COPY and merges them into the list in one statement.
using NpgsqlTypes;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// The PostgreSQL merge import: every checked row goes through one binary <c>COPY</c> into a temporary table; rows
/// of already suppressed addresses are set aside and reported, one statement upserts the rest (<c>subscribers/upsert-import</c>, new rows taking ids from a block reserved at once) and one adds their tags:
/// set-based joins instead of a million round trips. Custom fields reach <c>subscriber_fields</c> through the schema's
/// statement triggers. All of it runs in one transaction, kept only by <see cref="PostgresImportSession.Commit"/>, and the list stays open to
/// other sessions meanwhile. Used for an import smaller than the list; a larger one takes
/// <see cref="PostgresBulkImportWriter"/>.
/// </summary>
internal sealed class PostgresImportWriter : PostgresImportSession
{
    public PostgresImportWriter(Database database, string source, string now) : base(database, source, now)
    {
        Execute("""
            CREATE TEMP TABLE import_rows (
                line bigint NOT NULL, email text COLLATE "C" NOT NULL, name text, first_name text, last_name text,
                fields text NOT NULL, status text NOT NULL, tags text[] NOT NULL
            ) ON COMMIT DROP
            """);
        OpenCopy("COPY import_rows (line, email, name, first_name, last_name, fields, status, tags) FROM STDIN (FORMAT BINARY)");
    }

    /// <inheritdoc />
    public override void Write(IReadOnlyList<(int Line, ImportRow Row)> rows)
    {
        var copy = Copy;
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
            WriteTags(copy, row);
        }
    }

    /// <inheritdoc />
    public override void Complete()
    {
        if (!CloseCopy()) return;
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
        using (var lastLine = Command("SELECT max(line) FROM import_rows"))
            baseId = ReserveIds(lastLine.ScalarLong());
        using (var upsert = Command(Connection.Sql("subscribers", "upsert-import")))
        {
            upsert.Bind("source", Source);
            upsert.Bind("now", Now);
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
}
