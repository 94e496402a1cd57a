// Loads an import larger than the list straight into PostgreSQL's tables with binary COPY, indexes rebuilt after.
using Npgsql;
using NpgsqlTypes;
using Newsletter.Storage;
using Newsletter.Text;

namespace Newsletter.Audience;

/// <summary>
/// The PostgreSQL import for a file with more rows than the list holds (and at least <see cref="MinimumRows"/>), most
/// often a list's first import. It locks the three subscriber tables, reads the list's addresses once, and then
/// streams each new subscriber through one binary <c>COPY</c> straight into <c>subscribers</c>
/// (https://www.postgresql.org/docs/current/sql-copy.html) while the file is still being read, so the server's
/// writing overlaps the reading. Rows for addresses already on the list are kept aside and applied in one
/// <c>UPDATE</c>; the derived <c>subscriber_fields</c> and <c>subscriber_tags</c> rows of new subscribers follow in two
/// more COPYs, sorted in their indexes' order. Every secondary index of the three tables, the tags' primary key and
/// its foreign key are dropped and built again in one pass before the commit (the subscribers' primary key stays:
/// five tables refer to it); the insert trigger that keeps <c>subscriber_fields</c> is off meanwhile, as those rows are
/// written here. All of it is one transaction, kept only by <see cref="PostgresImportSession.Commit"/>: other sessions wait on the lock and never see the tables without their indexes.
/// Needs the rights of the tables' owner (the role that ran the migrations).
/// </summary>
internal sealed class PostgresBulkImportWriter : PostgresImportSession
{
    /// <summary>Rows a file must hold, and more than the list holds, before this path is worth its rebuilds.</summary>
    public const int MinimumRows = 20_000;

    // Set aside from the start and rebuilt in one pass at the end: these would otherwise take a random insert per row.
    private static readonly string[] StreamedIndexes = ["subscribers_email", "subscribers_status", "subscriber_tags_subscriber"];
    private static readonly string[] StreamedConstraints = ["subscriber_tags_subscriber_id_fkey"];

    // Set aside once the updates are applied (their trigger uses the fields index): the derived rows then go in
    // index order into bare tables. Into an empty list the build finds them presorted, about 40% less time than
    // feeding the index; into a list with rows of its own, feeding it would insert all over the index (measured
    // 6.2 s for 2M rows after 100k, against 3.7 s for the build).
    private static readonly string[] DerivedIndexes = ["subscriber_fields_value"];
    private static readonly string[] DerivedConstraints = ["subscriber_tags_pkey"];

    private readonly long _base, _lastLine;
    private readonly Dictionary<string, (long Id, string Status)> _list;
    private readonly List<string> _indexes = [], _foreignKeys = [];
    private readonly List<(long Id, ImportRow Row)> _updates = [];
    private readonly IndexOrderedRows _fields = new(withValues: true), _tags = new(withValues: false);

    /// <summary>Whether an import of at most <paramref name="lines"/> lines should take this path on <paramref name="database"/>.</summary>
    public static bool Suits(Database database, long lines)
    {
        if (lines < MinimumRows) return false;
        using var connection = database.Connect();
        using var count = connection.CreateCommand();
        // Counting stops past the file's size: a list larger than that takes the merge path whatever its size.
        count.CommandText = "SELECT count(*) FROM (SELECT 1 FROM subscribers LIMIT @limit) l";
        count.Bind("limit", lines + 1);
        return count.ScalarLong() <= lines;
    }

    /// <summary>Opens the transaction, takes the locks, reads the list and starts the COPY of new subscribers.</summary>
    /// <param name="database">A PostgreSQL store.</param>
    /// <param name="source">What new subscribers' <c>source</c> says, such as <c>import:list.csv</c>.</param>
    /// <param name="now">The import's time as stored (<see cref="StoredTime"/>).</param>
    /// <param name="lines">The file's line count: no row's line number is larger, so ids base + line never collide.</param>
    public PostgresBulkImportWriter(Database database, string source, string now, long lines) : base(database, source, now)
    {
        _lastLine = lines;
        Execute("LOCK TABLE subscribers, subscriber_fields, subscriber_tags IN ACCESS EXCLUSIVE MODE");
        _list = ReadList();
        _base = ReserveIds(lines);
        SetAside(StreamedIndexes, StreamedConstraints);
        Execute("ALTER TABLE subscribers DISABLE TRIGGER subscriber_fields_on_insert");
        OpenCopy("""
            COPY subscribers (id, email, name, first_name, last_name, fields, status, source, created_at, confirmed_at, status_changed_at)
            FROM STDIN (FORMAT BINARY)
            """);
    }

    /// <inheritdoc />
    public override void Write(IReadOnlyList<(int Line, ImportRow Row)> rows)
    {
        var copy = Copy;
        foreach (var (line, row) in rows)
        {
            if (line > _lastLine) throw new InvalidOperationException($"line {line} is past the {_lastLine} lines the import reserved ids for");
            if (_list.TryGetValue(row.Email, out var known))
            {
                // As the merge path does: a suppressed address is reported and left alone, any other is updated.
                if (known.Status is "active" or "pending") _updates.Add((known.Id, row));
                else Suppressed.Add(new SuppressedRow(line, row.Email, known.Status));
                continue;
            }
            var id = _base + line;
            WriteSubscriber(copy, id, row);
            foreach (var (name, value) in row.Fields) _fields.Add(name, value, id);
            foreach (var tag in row.Tags) _tags.Add(tag, "", id);
            Added++;
        }
    }

    /// <inheritdoc />
    public override void Complete()
    {
        if (!CloseCopy()) return;
        ApplyUpdates();
        SetAside(DerivedIndexes, DerivedConstraints);
        Load("COPY subscriber_fields (name, value, subscriber_id) FROM STDIN (FORMAT BINARY)", _fields);
        Load("COPY subscriber_tags (tag, subscriber_id) FROM STDIN (FORMAT BINARY)", _tags);
        Rebuild();
        Execute("ALTER TABLE subscribers ENABLE TRIGGER subscriber_fields_on_insert");
    }

    // Every address on the list, folded as the unique index folds it, with its id and status. The list is smaller
    // than the file, so this costs no more memory than the file's own rows.
    private Dictionary<string, (long Id, string Status)> ReadList()
    {
        var list = new Dictionary<string, (long, string)>(AsciiCase.Comparer);
        using var read = Command("SELECT email, id, status FROM subscribers");
        using var reader = read.ExecuteReader();
        while (reader.Read()) list[reader.GetString(0)] = (reader.GetInt64(1), string.Intern(reader.GetString(2)));
        return list;
    }

    // Drops the named indexes and constraints, keeping their definitions for Rebuild: indexes and primary keys
    // first, foreign keys after them.
    private void SetAside(string[] indexes, string[] constraints)
    {
        var drops = new List<string>();
        using (var read = Command("""
            SELECT 'i', indexdef, format('DROP INDEX %I', indexname) FROM pg_indexes
            WHERE schemaname = current_schema() AND indexname = ANY (@indexes)
            UNION ALL
            SELECT contype::text, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)),
                   format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname)
            FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND conname = ANY (@constraints)
            """))
        {
            read.Bind("indexes", indexes);
            read.Bind("constraints", constraints);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                (reader.GetString(0) == "f" ? _foreignKeys : _indexes).Add(reader.GetString(1));
                drops.Add(reader.GetString(2));
            }
        }
        foreach (var drop in drops) Execute(drop);
    }

    private void Rebuild()
    {
        // The rebuilds sort, and the foreign key's check hashes, in memory up to this much, for this transaction only
        // (the server's defaults are 64 MB and 4 MB).
        Execute("SET LOCAL maintenance_work_mem = '256MB'");
        Execute("SET LOCAL work_mem = '256MB'");
        foreach (var definition in _indexes.Concat(_foreignKeys)) Execute(definition);
    }

    private void WriteSubscriber(NpgsqlBinaryImporter copy, long id, ImportRow row)
    {
        copy.StartRow();
        copy.Write(id, NpgsqlDbType.Bigint);
        copy.Write(row.Email, NpgsqlDbType.Text);
        WriteText(copy, row.Name);
        WriteText(copy, row.FirstName);
        WriteText(copy, row.LastName);
        copy.Write(row.FieldsJson, NpgsqlDbType.Text);
        copy.Write(row.Status, NpgsqlDbType.Text);
        copy.Write(Source, NpgsqlDbType.Text);
        copy.Write(Now, NpgsqlDbType.Text);
        WriteText(copy, row.Status == "active" ? Now : null);
        copy.Write(Now, NpgsqlDbType.Text);
    }

    // The rows for addresses already on the list, staged and applied as the merge path's upsert (subscribers/
    // upsert-import) applies them; the update trigger keeps their subscriber_fields rows. The table lock means
    // their status is still the one read at the start.
    private void ApplyUpdates()
    {
        if (_updates.Count == 0) return;
        Execute("""
            CREATE TEMP TABLE import_updates (
                id bigint NOT NULL, name text, first_name text, last_name text, fields text NOT NULL, status text NOT NULL, tags text[] NOT NULL
            ) ON COMMIT DROP
            """);
        using (var copy = Connection.BeginBinaryImport(
                   "COPY import_updates (id, name, first_name, last_name, fields, status, tags) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, row) in _updates)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                WriteText(copy, row.Name);
                WriteText(copy, row.FirstName);
                WriteText(copy, row.LastName);
                copy.Write(row.FieldsJson, NpgsqlDbType.Text);
                copy.Write(row.Status, NpgsqlDbType.Text);
                WriteTags(copy, row);
            }
            copy.Complete();
        }
        using (var update = Command("""
            UPDATE subscribers s SET
                name = COALESCE(u.name, s.name),
                first_name = COALESCE(u.first_name, s.first_name),
                last_name = COALESCE(u.last_name, s.last_name),
                fields = (s.fields::jsonb || u.fields::jsonb)::text,
                status = CASE WHEN u.status IN ('unsubscribed', 'bounced', 'complained') THEN u.status ELSE s.status END,
                status_changed_at = CASE WHEN u.status IN ('unsubscribed', 'bounced', 'complained') THEN @now ELSE s.status_changed_at END
            FROM import_updates u WHERE s.id = u.id
            """))
        {
            update.Bind("now", Now);
            Updated = update.ExecuteNonQuery();
        }
        Execute("""
            INSERT INTO subscriber_tags (tag, subscriber_id)
            SELECT DISTINCT t.tag, u.id FROM import_updates u, unnest(u.tags) AS t (tag)
            ON CONFLICT DO NOTHING
            """);
    }

    private void Load(string copySql, IndexOrderedRows rows)
    {
        if (rows.Count == 0) return;
        using var copy = Connection.BeginBinaryImport(copySql);
        foreach (var (name, value, id) in rows.InIndexOrder())
        {
            copy.StartRow();
            copy.Write(name, NpgsqlDbType.Text);
            if (rows.WithValues) copy.Write(value, NpgsqlDbType.Text);
            copy.Write(id, NpgsqlDbType.Bigint);
        }
        copy.Complete();
    }
}
