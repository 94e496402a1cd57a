// A multi-row INSERT built from a named statement and its one-row tuple, prepared once and re-bound per batch.
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Newsletter.Storage;
using SQLitePCL;

namespace Newsletter.Audience;

/// <summary>
/// Expands <c>/*rows*/</c> in a named statement into <c>rows</c> copies of its row tuple, numbering the per-row
/// parameters (<c>@email</c> becomes <c>@email0</c>, <c>@email1</c>…). One statement per hundred rows saves the
/// per-statement cost of SQLite; every value is still a bound parameter.
/// </summary>
/// <remarks>
/// Values are bound straight through SQLitePCL by parameter number, looked up once here. Binding through
/// <see cref="SqliteCommand"/> looks each name up on every execution, a linear search of the statement's
/// names that made a 400-parameter batch cost more than the rows it wrote.
/// </remarks>
internal sealed partial class BatchStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int[,] _index;

    public BatchStatement(SqliteConnection connection, string name, int rows, string[] perRow, params (string Name, string Value)[] shared)
    {
        var tuple = SqlCatalog.Get(StoreKind.Sqlite, "subscribers", name + "-row");
        var values = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            if (row > 0) values.Append(",\n");
            values.Append(Parameter().Replace(tuple, m => perRow.Contains(m.Groups[1].Value) ? m.Value + row : m.Value));
        }
        _database = connection.Handle!;
        var sql = SqlCatalog.Get(StoreKind.Sqlite, "subscribers", name).Replace("/*rows*/", values.ToString(), StringComparison.Ordinal);
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _index = new int[rows, perRow.Length];
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < perRow.Length; column++)
                _index[row, column] = IndexOf("@" + perRow[column] + row);
        foreach (var (parameter, value) in shared) Check(raw.sqlite3_bind_text(_statement, IndexOf(parameter), value));
        Rows = rows;
    }

    public int Rows { get; }

    public void Set(int row, int column, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, _index[row, column]) : raw.sqlite3_bind_text(_statement, _index[row, column], value));

    public void Set(int row, int column, long value) => Check(raw.sqlite3_bind_int64(_statement, _index[row, column], value));

    /// <summary>Runs the statement; <paramref name="onRow"/> sees each returned row. The bindings stay for the next run.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement (a constraint, a full disk…).</exception>
    public void Execute(Action<sqlite3_stmt>? onRow = null)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW) onRow?.Invoke(_statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private int IndexOf(string parameter)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, parameter);
        return index > 0 ? index : throw new InvalidOperationException($"the statement has no parameter {parameter}");
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _database);
    }

    [GeneratedRegex(@"@([a-z_]+)")]
    private static partial Regex Parameter();
}
