// Says what went wrong with the database in the words an operator acts on, not the engine's error number.
using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Newsletter.Storage;

/// <summary>
/// Describes a <see cref="DbException"/> as an operational failure: the input was fine, but the database could not
/// be used (SQLite result codes, https://sqlite.org/rescode.html; PostgreSQL SQLSTATE codes,
/// https://www.postgresql.org/docs/current/errcodes-appendix.html).
/// </summary>
public static class StorageErrors
{
    /// <summary>One line naming the problem and what to do, followed by the engine's own message.</summary>
    /// <param name="e">The failure.</param>
    /// <param name="database">The database as <see cref="Database.Display"/> names it, when known.</param>
    public static string Describe(DbException e, string? database = null)
    {
        var name = database is null ? "the database" : $"the database {database}";
        return e switch
        {
            SqliteException sqlite => $"{Sqlite(sqlite.SqliteErrorCode, name)} (SQLite: {e.Message})",
            PostgresException postgres => $"{Postgres(postgres.SqlState, name)} (PostgreSQL: {postgres.MessageText})",
            NpgsqlException { InnerException: SocketException or TimeoutException } =>
                $"{name} cannot be reached; check that the PostgreSQL server runs and that host and port are right ({e.InnerException!.Message})",
            _ => $"{name} failed ({e.Message})",
        };
    }

    private static string Sqlite(int code, string file) => code switch
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

    private static string Postgres(string state, string name) => state switch
    {
        "28P01" or "28000" => $"{name} refused the login; check the user and the password (NEWSLETTER_DATABASE_PASSWORD or PGPASSWORD)",
        "3D000" => $"{name} does not exist on that server; create it (createdb) and run 'newsletter db migrate'",
        "53300" => $"{name} has no free connection; lower the number of workers or raise the server's max_connections",
        "55P03" => $"{name} kept a row locked by another process for longer than 'databaseBusyTimeout'; try again",
        "42501" => $"{name} does not let this user do that; grant the rights or use the owner",
        "57P01" or "57P02" or "57P03" => $"{name} is shutting down or starting up; try again in a moment",
        _ when state.StartsWith("53", StringComparison.Ordinal) => $"{name} is out of resources (disk, memory or connections)",
        _ when state.StartsWith("08", StringComparison.Ordinal) => $"{name} dropped the connection; try again",
        _ => $"{name} failed (SQLSTATE {state})",
    };
}
