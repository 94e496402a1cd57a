// Opens the workspace's SQLite file in WAL mode and brings its schema up to date.
using Microsoft.Data.Sqlite;
using Newsletter.Configuration;

namespace Newsletter.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (https://sqlite.org/wal.html) with foreign keys on and a busy
/// timeout, migrated to the latest schema on open (one machine owns it, so no one else can be surprised).
/// </summary>
public static class SqliteDatabase
{
    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and applies pending migrations.</summary>
    /// <remarks>The file and its <c>-wal</c> and <c>-shm</c> files are made owner-only (0600; see <see cref="PrivateFiles"/>).</remarks>
    /// <param name="path">The database file.</param>
    /// <param name="busyTimeout">How long a statement waits for another connection's write lock (SQLite <c>busy_timeout</c>).</param>
    /// <exception cref="SqliteException">The file cannot be opened or a migration fails; a failed migration is rolled back.</exception>
    /// <exception cref="StorageException">The file's schema is newer than this program.</exception>
    public static Database Open(string path, TimeSpan busyTimeout)
    {
        var full = RunEnvironment.Current.FullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        // A folder made for the database is owner-only; an existing one (often the workspace itself) is left alone.
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory)) PrivateFiles.CreateDirectory(directory);
        // SQLite creates the file with the umask's mode (usually 0644) and gives -wal and -shm the database's mode,
        // so the empty file is made owner-only first.
        if (!File.Exists(full)) PrivateFiles.CreateFile(full).Dispose();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(30, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        // NORMAL sync is durable in WAL mode against application crashes (kill -9), the failure the ledger guards
        // against; only a power cut can lose the last commits.
        var pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};";
        var database = new Database(StoreKind.Sqlite, full, full, () => Connect(connectionString, pragmas));
        using (var connection = (SqliteConnection)database.Connect())
        {
            using (var wal = connection.CreateCommand())
            {
                // WAL is a property of the file, so it is set once here rather than on every pooled connection.
                // It lets `serve` record votes while `send` writes the ledger.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }
            Migrator.Apply(connection);
        }
        Tighten(full);
        return database;
    }

    private static SqliteConnection Connect(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    // Files from before the owner-only rule, or made by another tool, are tightened too.
    private static void Tighten(string full)
    {
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
    }
}
