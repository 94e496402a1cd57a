// Moves every row of one workspace database into an empty PostgreSQL database, and proves nothing was lost.
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Newsletter.Storage;

/// <summary>
/// Copies a workspace database (usually the SQLite file) into a PostgreSQL database migrated to the same schema
/// version, table by table in foreign-key order (<see cref="StoreTables"/>), through binary <c>COPY</c>
/// (https://www.postgresql.org/docs/current/sql-copy.html), in one transaction: a failure leaves the target as it
/// was. Afterwards every table's count and <see cref="TableChecksum"/> is read back from both sides.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>One table's figures on both sides.</summary>
    public sealed record TableResult(string Table, TableChecksum Source, TableChecksum Target, bool Derived)
    {
        /// <summary>True when the rows arrived unchanged.</summary>
        public bool Matches => Source == Target;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/>.</summary>
    /// <returns>Per table: counts and checksums read back from both databases.</returns>
    /// <exception cref="StorageException">The target is not PostgreSQL, is at another schema version, or already holds subscribers or issues.</exception>
    /// <exception cref="DbException">Reading or writing failed; nothing was kept in the target.</exception>
    public static IReadOnlyList<TableResult> Run(Database source, Database target)
    {
        if (target.Kind != StoreKind.Postgres) throw new StorageException("db copy --to needs a PostgreSQL address, e.g. postgres://user@host/database");
        var version = source.SchemaVersion();
        if (target.SchemaVersion() != version)
            throw new StorageException($"the target {target.Display} has schema version {target.SchemaVersion()} and the source {version}; run 'newsletter db migrate' on both first");
        using var from = source.Connect();
        using var to = (NpgsqlConnection)target.Connect();
        if (HasData(to)) throw new StorageException($"the target {target.Display} already holds subscribers or issues; copy only into a new database");
        using (var transaction = to.BeginTransaction())
        {
            foreach (var table in StoreTables.All.Where(t => !t.Derived))
            {
                var columns = Columns(from, table.Name);
                to.Execute(transaction, $"DELETE FROM {table.Name}"); // the migration's own rows, e.g. a fresh erasure salt
                CopyRows(from, to, table.Name, columns);
                if (table.HasIdentity)
                    to.Execute(transaction, $"SELECT setval(pg_get_serial_sequence('{table.Name}', 'id'), COALESCE((SELECT max(id) FROM {table.Name}), 0) + 1, false)");
            }
            transaction.Commit();
        }
        return StoreTables.All.Select(t =>
        {
            var columns = Columns(from, t.Name);
            return new TableResult(t.Name, TableChecksum.Of(from, t.Name, columns), TableChecksum.Of(to, t.Name, columns), t.Derived);
        }).ToList();
    }

    private static bool HasData(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM subscribers) + (SELECT count(*) FROM issues)";
        return command.ScalarLong() > 0;
    }

    // The source's columns, sorted by name: both schemas have the same names, in whatever order ALTER TABLE added them.
    private static List<string> Columns(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} LIMIT 0";
        using var reader = command.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Order(StringComparer.Ordinal).ToList();
    }

    private static void CopyRows(DbConnection from, NpgsqlConnection to, string table, List<string> columns)
    {
        using var read = from.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table}";
        using var reader = read.ExecuteReader();
        using var writer = to.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        while (reader.Read())
        {
            writer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                switch (reader.GetValue(i))
                {
                    case DBNull: writer.WriteNull(); break;
                    case long number: writer.Write(number, NpgsqlDbType.Bigint); break;
                    case byte[] bytes: writer.Write(bytes, NpgsqlDbType.Bytea); break;
                    case var value: writer.Write(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, NpgsqlDbType.Text); break;
                }
            }
        }
        writer.Complete();
    }
}
