// A migrated throwaway database of either engine, for tests that hold a store to the same behaviour on both.
using Newsletter.Storage;
using Newsletter.Testing;

namespace Newsletter.Tests.Support;

public sealed class EngineDatabase : IDisposable
{
    private readonly TempWorkspace? _folder;

    private EngineDatabase(Database database, TempWorkspace? folder)
    {
        Database = database;
        _folder = folder;
    }

    public Database Database { get; }

    // SQLite: a file in a temporary folder. PostgreSQL: a new database on the test process's shared cluster,
    // migrated as `newsletter db migrate` does.
    public static EngineDatabase Create(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var folder = new TempWorkspace();
            return new EngineDatabase(folder.OpenDatabase(), folder);
        }
        if (!OperatingSystem.IsWindows()) return new EngineDatabase(MigratedPostgres(), null);
        Assert.Ignore("the test PostgreSQL cluster runs on POSIX systems only");
        return null!;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static Database MigratedPostgres()
    {
        var database = Database.OpenForMigration(PostgresCluster.Shared.CreateDatabase());
        database.Migrate();
        return database;
    }

    public long Count(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Bind(name, value);
        return command.ScalarLong();
    }

    public void Dispose() => _folder?.Dispose();
}
