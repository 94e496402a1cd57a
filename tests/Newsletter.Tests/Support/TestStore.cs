// A fresh migrated store of either engine for one test: a SQLite file in a temp folder or a new PostgreSQL database.
using Newsletter.Storage;
using Newsletter.Testing;
using Npgsql;

namespace Newsletter.Tests.Support;

/// <summary>
/// One test's database and workspace folder. For <see cref="StoreKind.Sqlite"/> the database is
/// <c>newsletter.db</c> in <see cref="Workspace"/>; for <see cref="StoreKind.Postgres"/> it is a new database on
/// <see cref="PostgresCluster.Shared"/>, migrated the way <c>newsletter db migrate</c> does it, and dropped again by
/// <see cref="Dispose"/> so that the server does not collect a database and its connections per test.
/// </summary>
public sealed class TestStore : IDisposable
{
    private TestStore(StoreKind kind, TempWorkspace workspace, string setting, Database database)
    {
        Kind = kind;
        Workspace = workspace;
        Setting = setting;
        Database = database;
    }

    /// <summary>The engine.</summary>
    public StoreKind Kind { get; }

    /// <summary>A temp folder for the files the test writes (CSV files, issues, keys), deleted by <see cref="Dispose"/>.</summary>
    public TempWorkspace Workspace { get; }

    /// <summary>The <c>database</c> setting that names the store: the SQLite file's path or a PostgreSQL connection string.</summary>
    public string Setting { get; }

    /// <summary>The migrated database.</summary>
    public Database Database { get; }

    /// <summary>A new store of <paramref name="kind"/>, migrated to the latest schema.</summary>
    public static TestStore Create(StoreKind kind)
    {
        var workspace = new TempWorkspace();
        try
        {
            if (kind == StoreKind.Sqlite)
                return new TestStore(kind, workspace, workspace.PathOf("newsletter.db"), workspace.OpenDatabase());
            var setting = NewPostgresDatabase();
            var database = Database.OpenForMigration(setting);
            database.Migrate();
            return new TestStore(kind, workspace, setting, database);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>An empty PostgreSQL database (no schema) on the shared test server; its connection string.</summary>
    public static string NewPostgresDatabase()
    {
        // The test server is POSIX-only (setpriv, signals, Unix file modes).
        if (!OperatingSystem.IsWindows()) return PostgresCluster.Shared.CreateDatabase();
        Assert.Ignore("the test PostgreSQL server runs on Linux only");
        return "";
    }

    /// <summary>Opens the store again by its setting, as a second program would: a new pool, the schema checked.</summary>
    public Database Reopen()
    {
        if (Kind == StoreKind.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Database.Open(Setting);
    }

    /// <summary>Runs <paramref name="sql"/> (a count) with <paramref name="parameters"/> bound, whatever integer type the engine returns.</summary>
    public long Count(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Bind(name, value);
        return command.ScalarLong();
    }

    /// <summary>Drops the PostgreSQL database (closing its sessions) or deletes the SQLite file, and the folder.</summary>
    public void Dispose()
    {
        try
        {
            if (Kind == StoreKind.Postgres) DropPostgresDatabase(Setting);
        }
        finally
        {
            Workspace.Dispose();
        }
    }

    /// <summary>Drops the PostgreSQL database <paramref name="setting"/> names, ending its sessions; nothing when it is gone.</summary>
    public static void DropPostgresDatabase(string setting)
    {
        // The pool a Database keeps is its own and is never closed, so the sessions are ended from the server's side.
        var target = new NpgsqlConnectionStringBuilder(setting);
        var admin = new NpgsqlConnectionStringBuilder(setting) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        // A database name cannot be a bound parameter; the cluster only makes plain lower-case identifiers.
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
