// An operational problem with the database that is neither bad input nor a driver failure: a schema mismatch.
namespace Newsletter.Storage;

/// <summary>
/// The database was reached but cannot be used as it is: its schema is newer than this program, or a shared
/// PostgreSQL database has not been migrated yet. Reported with exit code 6 (unavailable), like a locked file.
/// </summary>
public sealed class StorageException(string message) : Exception(message)
{
    /// <summary>The error for a database whose schema <paramref name="version"/> is newer than <see cref="Migrator.LatestVersion"/>.</summary>
    public static StorageException Newer(string display, int version) =>
        new($"the database {display} has schema version {version}, newer than this program supports ({Migrator.LatestVersion}); upgrade newsletter");
}
