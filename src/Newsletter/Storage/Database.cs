// Opens the workspace's SQLite file in WAL mode and brings its schema up to date.
using Microsoft.Data.Sqlite;
using Newsletter.Configuration;

namespace Newsletter.Storage;

/// <summary>
/// The workspace database: one SQLite file in WAL mode (https://sqlite.org/wal.html) with
/// foreign keys on and a busy timeout, migrated to the latest schema on open.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    private Database(string path, TimeSpan busyTimeout)
    {
        Path = path;
        var seconds = (int)Math.Ceiling(busyTimeout.TotalSeconds);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(30, seconds),
        }.ToString();
        // NORMAL sync is durable in WAL mode against application crashes (kill -9), the failure the ledger guards
        // against; only a power cut can lose the last commits.
        _pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};";
    }

    /// <summary>Absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and applies pending migrations.</summary>
    /// <remarks>The file and its <c>-wal</c> and <c>-shm</c> files are made owner-only (0600; see <see cref="PrivateFiles"/>).</remarks>
    /// <param name="path">The database file.</param>
    /// <param name="busyTimeout">How long a statement waits for another connection's write lock (SQLite <c>busy_timeout</c>); 30 s when null.</param>
    /// <exception cref="SqliteException">The file cannot be opened or a migration fails; a failed migration is rolled back.</exception>
    public static Database Open(string path, TimeSpan? busyTimeout = null)
    {
        var full = RunEnvironment.Current.FullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        // A folder made for the database is owner-only; an existing one (often the workspace itself) is left alone.
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory)) PrivateFiles.CreateDirectory(directory);
        // SQLite creates the file with the umask's mode (usually 0644) and gives -wal and -shm the database's mode,
        // so the empty file is made owner-only first.
        if (!File.Exists(full)) PrivateFiles.CreateFile(full).Dispose();
        var database = new Database(full, busyTimeout ?? TimeSpan.FromSeconds(30));
        using var connection = database.Connect();
        using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file, so it is set once here rather than on every pooled connection.
            // It lets `serve` record votes while `send` writes the ledger.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        Migrator.Apply(connection);
        // Files from before this rule, or made by another tool, are tightened too.
        foreach (var file in new[] { full, full + "-wal", full + "-shm" })
        {
            try
            {
                PrivateFiles.Restrict(file);
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's file that this one may write: its owner decides who reads it.
            }
        }
        return database;
    }

    /// <summary>A new open connection with the session pragmas set; the caller disposes it.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = _pragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
