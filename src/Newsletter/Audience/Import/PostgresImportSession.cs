// What both PostgreSQL imports share: one connection and transaction, one COPY open at a time, the tallies, the id block.
using Npgsql;
using NpgsqlTypes;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// The base of the two PostgreSQL import writers (<see cref="PostgresImportWriter"/>, <see cref="PostgresBulkImportWriter"/>):
/// one connection with one transaction that only <see cref="Commit"/> keeps, the binary <c>COPY</c> rows stream through
/// while the file is read (https://www.postgresql.org/docs/current/sql-copy.html), the report's tallies, and the
/// block of subscriber ids an import reserves at once so that a new row's id is the block's base + its line.
/// </summary>
internal abstract class PostgresImportSession : IImportWriter
{
    private NpgsqlBinaryImporter? _copy;

    /// <summary>Opens the connection and the transaction on <paramref name="database"/>.</summary>
    protected PostgresImportSession(Database database, string source, string now)
    {
        Source = source;
        Now = now;
        Connection = (NpgsqlConnection)database.Connect();
        Transaction = Connection.BeginTransaction();
    }

    /// <inheritdoc />
    public int Added { get; protected set; }

    /// <inheritdoc />
    public int Updated { get; protected set; }

    /// <inheritdoc />
    public List<SuppressedRow> Suppressed { get; } = [];

    /// <summary>What new subscribers' <c>source</c> says, such as <c>import:list.csv</c>.</summary>
    protected string Source { get; }

    /// <summary>The import's time as stored (<see cref="StoredTime"/>).</summary>
    protected string Now { get; }

    protected NpgsqlConnection Connection { get; }

    protected NpgsqlTransaction Transaction { get; }

    /// <summary>The COPY the rows stream into.</summary>
    /// <exception cref="InvalidOperationException">It was closed: the import was completed.</exception>
    protected NpgsqlBinaryImporter Copy => _copy ?? throw new InvalidOperationException("the import was completed");

    /// <inheritdoc />
    public abstract void Write(IReadOnlyList<(int Line, ImportRow Row)> rows);

    /// <inheritdoc />
    public abstract void Complete();

    /// <inheritdoc />
    public void Commit()
    {
        Complete();
        Transaction.Commit();
    }

    public void Dispose()
    {
        _copy?.Dispose();
        Transaction.Dispose();
        Connection.Dispose();
    }

    /// <summary>Starts the COPY that <see cref="Write"/> streams into (<paramref name="sql"/> is a <c>COPY ... FROM STDIN (FORMAT BINARY)</c>).</summary>
    protected void OpenCopy(string sql) => _copy = Connection.BeginBinaryImport(sql);

    /// <summary>Ends the streaming COPY; false when it was already ended (a second <see cref="Complete"/>).</summary>
    protected bool CloseCopy()
    {
        if (_copy is null) return false;
        _copy.Complete();
        _copy.Dispose();
        _copy = null;
        return true;
    }

    /// <summary>
    /// Takes <paramref name="lines"/> + 1 ids from the subscribers' sequence at once and returns the first: ids
    /// base + 1 to base + <paramref name="lines"/> are then the import's alone, whatever other sessions insert.
    /// </summary>
    protected long ReserveIds(long lines)
    {
        using var reserve = Command("""
            SELECT setval(pg_get_serial_sequence('subscribers', 'id'), nextval(pg_get_serial_sequence('subscribers', 'id')) + @lines) - @lines
            """);
        reserve.Bind("lines", lines);
        return reserve.ScalarLong();
    }

    protected void Execute(string sql) => Connection.Execute(Transaction, sql, timeoutSeconds: 0);

    // A million rows take longer than Npgsql's 30 s default, and the import is the only thing waiting for them.
    protected NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction) { CommandTimeout = 0 };

    /// <summary>Writes <paramref name="value"/> as text, or SQL NULL for null.</summary>
    protected static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>Writes the row's tags as a <c>text[]</c>.</summary>
    protected static void WriteTags(NpgsqlBinaryImporter copy, ImportRow row) =>
        copy.Write(row.Tags as string[] ?? row.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
}
