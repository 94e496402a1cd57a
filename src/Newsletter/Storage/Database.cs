// The workspace database, whichever engine holds it: connections, named statements and what to call it in messages.
using System.Data.Common;

namespace Newsletter.Storage;

/// <summary>
/// The workspace database: one SQLite file (<see cref="SqliteDatabase"/>, the embedded default) or a PostgreSQL
/// server shared by several machines (<see cref="PostgresDatabase"/>). Store classes open a connection per call
/// through <see cref="Connect"/> and take their SQL from <see cref="Sql"/>, so they read the same on both.
/// </summary>
public sealed class Database
{
    private readonly Func<DbConnection> _connect;

    internal Database(StoreKind kind, string path, string display, Func<DbConnection> connect)
    {
        Kind = kind;
        Path = path;
        Display = display;
        _connect = connect;
    }

    /// <summary>The engine.</summary>
    public StoreKind Kind { get; }

    /// <summary>Absolute path of the SQLite file; for PostgreSQL, the same as <see cref="Display"/>.</summary>
    public string Path { get; }

    /// <summary>What to call the database in messages: the file's path, or <c>postgres://user@host:port/database</c> (never a password).</summary>
    public string Display { get; }

    /// <summary>True when several processes on several machines may share it, which only PostgreSQL allows.</summary>
    public bool IsShared => Kind == StoreKind.Postgres;

    /// <summary>
    /// Opens the database the <c>database</c> setting names (see <see cref="DatabaseAddress"/>). A SQLite file is
    /// created when missing and migrated to the latest schema; a PostgreSQL database is only checked, because several
    /// programs share it: <c>newsletter db migrate</c> upgrades it (<see cref="Migrate"/>).
    /// </summary>
    /// <param name="setting">A SQLite path or a PostgreSQL connection string or URL.</param>
    /// <param name="busyTimeout">How long a statement waits for another connection's lock; 30 s when null.</param>
    /// <exception cref="DbException">The database cannot be opened or reached, or a SQLite migration failed (rolled back).</exception>
    /// <exception cref="StorageException">The schema is newer than this program, or (PostgreSQL) older and not migrated yet.</exception>
    /// <exception cref="StorageException">Also: a PostgreSQL address that cannot be read.</exception>
    public static Database Open(string setting, TimeSpan? busyTimeout = null) => OpenStore(setting, busyTimeout, requireSchema: true);

    /// <summary>
    /// Opens the database for <c>db migrate</c> and <c>db copy</c>: like <see cref="Open"/>, except that a PostgreSQL
    /// database that is empty or behind this program is accepted, for <see cref="Migrate"/> to bring it up to date.
    /// </summary>
    /// <exception cref="DbException">The database cannot be opened or reached.</exception>
    /// <exception cref="StorageException">The schema is newer than this program.</exception>
    /// <exception cref="StorageException">Also: a PostgreSQL address that cannot be read.</exception>
    public static Database OpenForMigration(string setting, TimeSpan? busyTimeout = null) => OpenStore(setting, busyTimeout, requireSchema: false);

    private static Database OpenStore(string setting, TimeSpan? busyTimeout, bool requireSchema)
    {
        var address = Address(setting);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        return address.Kind == StoreKind.Sqlite
            ? SqliteDatabase.Open(address.Value, timeout)
            : PostgresDatabase.Open(address, timeout, requireSchema);
    }

    private static DatabaseAddress Address(string setting)
    {
        try
        {
            return DatabaseAddress.Parse(setting, Configuration.RunEnvironment.Current.Variable);
        }
        catch (ArgumentException e)
        {
            throw new StorageException($"the 'database' setting: {e.Message}");
        }
    }

    /// <summary>Applies the migrations this database lacks (<see cref="Migrator"/>); returns the versions applied.</summary>
    /// <exception cref="StorageException">The schema is newer than this program.</exception>
    /// <exception cref="DbException">A migration failed; it was rolled back.</exception>
    public IReadOnlyList<int> Migrate()
    {
        using var connection = Connect();
        return Migrator.Apply(connection);
    }

    /// <summary>The schema version stored in the database (0 for an empty one).</summary>
    public int SchemaVersion()
    {
        using var connection = Connect();
        return Migrator.CurrentVersion(connection);
    }

    /// <summary>A new open connection with the session settings made; the caller disposes it.</summary>
    /// <exception cref="DbException">The database cannot be opened or reached.</exception>
    public DbConnection Connect() => _connect();

    /// <summary>Statement <paramref name="name"/> of <c>Storage/Sql/<paramref name="file"/>.sql</c> as this engine runs it.</summary>
    public string Sql(string file, string name) => SqlCatalog.Get(Kind, file, name);
}
