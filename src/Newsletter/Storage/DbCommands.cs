// The few ADO.NET helpers every store class uses, written once for both engines.
using System.Data.Common;
using Npgsql;

namespace Newsletter.Storage;

/// <summary>
/// Extensions over <see cref="DbConnection"/> and <see cref="DbCommand"/> that read the same on SQLite and
/// PostgreSQL: a named statement from <see cref="SqlCatalog"/> for the connection's engine, and parameters bound by
/// name (<c>issue</c> or <c>@issue</c> binds <c>@issue</c> in the SQL; a null value is SQL NULL).
/// </summary>
public static class DbCommands
{
    /// <summary>The engine behind <paramref name="connection"/>.</summary>
    public static StoreKind Kind(this DbConnection connection) => connection is NpgsqlConnection ? StoreKind.Postgres : StoreKind.Sqlite;

    /// <summary>Statement <paramref name="name"/> of <c>Storage/Sql/<paramref name="file"/>.sql</c> as this connection's engine runs it.</summary>
    /// <exception cref="KeyNotFoundException">No such statement: a programming error.</exception>
    public static string Sql(this DbConnection connection, string file, string name) => SqlCatalog.Get(connection.Kind(), file, name);

    /// <summary>
    /// A command on <paramref name="connection"/> (in <paramref name="transaction"/> when given) running statement
    /// <paramref name="name"/> of <paramref name="file"/>, with <paramref name="parameters"/> bound. The caller disposes it.
    /// </summary>
    public static DbCommand Statement(this DbConnection connection, DbTransaction? transaction, string file, string name,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = connection.Sql(file, name);
        foreach (var (parameter, value) in parameters) command.Bind(parameter, value);
        return command;
    }

    /// <summary>Binds <paramref name="value"/> (null is SQL NULL) to the parameter <paramref name="name"/>, with or without its <c>@</c> or <c>$</c>.</summary>
    /// <returns>The parameter, whose value may be set again before the next execution.</returns>
    public static DbParameter Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name.TrimStart('@', '$');
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Runs <paramref name="sql"/> (no parameters: DDL, a lock, a setting) on <paramref name="connection"/>, in <paramref name="transaction"/> when given.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The transaction to run in, or null.</param>
    /// <param name="sql">SQL the program wrote, never input.</param>
    /// <param name="timeoutSeconds">The command timeout; 0 waits as long as it takes, null keeps the driver's default (30 s).</param>
    public static void Execute(this DbConnection connection, DbTransaction? transaction, string sql, int? timeoutSeconds = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (timeoutSeconds is { } timeout) command.CommandTimeout = timeout;
        command.ExecuteNonQuery();
    }

    /// <summary>A count or id read as a number, whatever integer type the engine returns (SQLite: always 64-bit; PostgreSQL: <c>count</c> is <c>bigint</c>, <c>sum</c> numeric).</summary>
    public static long ScalarLong(this DbCommand command) => command.ExecuteScalar() switch
    {
        null or DBNull => 0,
        var value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
