// A multi-row INSERT built from a named statement and its one-row tuple, prepared once and re-bound per batch.
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// Expands <c>/*rows*/</c> in a named statement into <c>rows</c> copies of its row tuple, numbering the per-row
/// parameters (<c>$email</c> becomes <c>$email0</c>, <c>$email1</c>…). One statement per hundred rows saves the
/// per-statement cost of SQLite and the ADO.NET layer; every value is still a bound parameter.
/// </summary>
internal sealed partial class BatchStatement : IDisposable
{
    private readonly SqliteParameter[,] _parameters;

    public BatchStatement(SqliteConnection connection, SqliteTransaction transaction, string name, int rows, string[] perRow,
        params (string Name, object Value)[] shared)
    {
        var tuple = SqlCatalog.Get("subscribers", name + "-row");
        var values = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            if (row > 0) values.Append(",\n");
            values.Append(Parameter().Replace(tuple, m => perRow.Contains(m.Groups[1].Value) ? m.Value + row : m.Value));
        }
        Command = connection.CreateCommand();
        Command.Transaction = transaction;
        Command.CommandText = SqlCatalog.Get("subscribers", name).Replace("/*rows*/", values.ToString(), StringComparison.Ordinal);
        _parameters = new SqliteParameter[rows, perRow.Length];
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < perRow.Length; column++)
                _parameters[row, column] = Command.Parameters.Add(new SqliteParameter("$" + perRow[column] + row, DBNull.Value));
        foreach (var (parameterName, value) in shared) Command.Parameters.AddWithValue(parameterName, value);
        Command.Prepare();
        Rows = rows;
    }

    public SqliteCommand Command { get; }

    public int Rows { get; }

    public void Set(int row, int column, object value) => _parameters[row, column].Value = value;

    public void Dispose() => Command.Dispose();

    [GeneratedRegex(@"\$([a-z_]+)")]
    private static partial Regex Parameter();
}
