// Says what went wrong with the database in the words an operator acts on, not SQLite's error number.
using Microsoft.Data.Sqlite;

namespace Newsletter.Storage;

/// <summary>
/// Describes a <see cref="SqliteException"/> as an operational failure: the database was there and the input was
/// fine, but the file could not be used (SQLite result codes, https://sqlite.org/rescode.html).
/// </summary>
public static class StorageErrors
{
    /// <summary>One line naming the problem and what to do, followed by SQLite's own message.</summary>
    /// <param name="e">The failure.</param>
    /// <param name="databasePath">The database file, when known, to name it.</param>
    public static string Describe(SqliteException e, string? databasePath = null)
    {
        var file = databasePath is null ? "the database" : $"the database {databasePath}";
        var what = e.SqliteErrorCode switch
        {
            5 or 6 => $"{file} is locked by another process (a send or serve still writing); try again when it has finished, or raise 'databaseBusyTimeout'",
            8 => $"{file} is read-only here; check the permissions of the file and its folder",
            3 or 23 => $"{file} may not be opened by this user; check its permissions",
            13 => $"{file} cannot grow: the disk is full",
            14 => $"{file} cannot be opened; check that its folder exists and may be written",
            10 => $"{file} could not be read or written (an I/O error from the disk or file system)",
            11 or 26 => $"{file} is damaged or is not a SQLite database; restore it from a backup",
            _ => $"{file} failed",
        };
        return $"{what} (SQLite: {e.Message})";
    }
}
