// Applies the numbered Storage/Migrations/<engine>/*.sql scripts in order, the same versions on both engines.
using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Newsletter.Storage;

/// <summary>
/// Schema versioning. Migration N is the embedded script <c>Migrations/Sqlite/NNNN_name.sql</c> and its twin
/// <c>Migrations/Postgres/NNNN_name.sql</c> (numbered from 1 without gaps, the same names on both): version N means
/// the same tables, columns and constraints on either engine. SQLite keeps the version in <c>PRAGMA user_version</c>,
/// PostgreSQL in the one-row table <c>schema_version</c>. Each migration runs in its own transaction; on PostgreSQL
/// an advisory lock makes two programs migrating at once apply each script once.
/// </summary>
public static class Migrator
{
    private const string Prefix = "Newsletter.Storage.Migrations.";

    // Any constant both programs agree on: it names the lock `db migrate` holds while it changes the schema.
    private const long MigrationLock = 0x6e6577736c6574; // "newslet"

    private static readonly Lazy<List<(string Name, string Sql)>> SqliteScripts = new(() => Scripts(StoreKind.Sqlite));
    private static readonly Lazy<List<(string Name, string Sql)>> PostgresScripts = new(() => Scripts(StoreKind.Postgres));

    /// <summary>The schema version the code expects.</summary>
    public static int LatestVersion => SqliteScripts.Value.Count;

    /// <summary>The migration names in order (file names without number and extension), for both engines.</summary>
    public static IReadOnlyList<string> Names(StoreKind kind) => For(kind).Select(s => s.Name).ToList();

    /// <summary>Brings <paramref name="connection"/> up to <see cref="LatestVersion"/>; returns the versions applied.</summary>
    /// <exception cref="StorageException">The database is newer than this program.</exception>
    public static IReadOnlyList<int> Apply(DbConnection connection) => Apply(connection, LatestVersion);

    /// <summary>
    /// Brings <paramref name="connection"/> up to <paramref name="targetVersion"/> (1 to <see cref="LatestVersion"/>)
    /// and no further, so an upgrade from an older schema can be reproduced with that schema's data in place.
    /// </summary>
    /// <returns>The versions applied, in order (empty when the database was up to date).</returns>
    /// <exception cref="StorageException">The database is newer than this program.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetVersion"/> is not a known version.</exception>
    public static IReadOnlyList<int> Apply(DbConnection connection, int targetVersion)
    {
        var kind = connection.Kind();
        var scripts = For(kind);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetVersion, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, scripts.Count);
        var applied = new List<int>();
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            if (kind == StoreKind.Postgres) connection.Execute(transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
            // Read under the lock: another program may have migrated while this one waited.
            var current = CurrentVersion(connection, transaction);
            if (current > scripts.Count) throw StorageException.Newer(connection.DataSource, current);
            if (current >= targetVersion) return applied;
            var version = current + 1;
            connection.Execute(transaction, scripts[version - 1].Sql);
            connection.Execute(transaction, kind == StoreKind.Sqlite
                ? $"PRAGMA user_version = {version};"
                : $"UPDATE schema_version SET version = {version};");
            transaction.Commit();
            applied.Add(version);
        }
    }

    /// <summary>The version stored in the database: 0 for an empty one.</summary>
    public static int CurrentVersion(DbConnection connection) => CurrentVersion(connection, null);

    private static int CurrentVersion(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (connection.Kind() == StoreKind.Sqlite)
        {
            command.CommandText = "PRAGMA user_version;";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        // The table is made by the first migration, so a database without it is empty (version 0).
        command.CommandText = "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE -1 END";
        if (Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) return 0;
        command.CommandText = "SELECT version FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<(string Name, string Sql)> For(StoreKind kind) =>
        kind == StoreKind.Sqlite ? SqliteScripts.Value : PostgresScripts.Value;

    // A script's version is the number its file name starts with; they must run 1, 2, 3... with no gap, because a
    // database's version says how many have been applied.
    private static List<(string Name, string Sql)> Scripts(StoreKind kind)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = Prefix + kind + ".";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n[prefix.Length..].Split('_')[0], CultureInfo.InvariantCulture), Resource: n))
            .OrderBy(s => s.Version)
            .ToList();
        for (var i = 0; i < scripts.Count; i++)
            if (scripts[i].Version != i + 1)
                throw new InvalidOperationException($"migration {scripts[i].Resource} should be numbered {i + 1:0000}");
        return scripts.Select(s => (Name(prefix, s.Resource), Read(assembly, s.Resource))).ToList();
    }

    private static string Name(string prefix, string resource)
    {
        var file = resource[prefix.Length..^".sql".Length];
        return file[(file.IndexOf('_') + 1)..];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
