// What the import needs from a store: rows in, counts and suppressed rows out, nothing kept until Commit.
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// Writes an import's checked rows into one store inside one transaction: <see cref="Write"/> for each chunk (on the
/// writing thread), <see cref="Complete"/> after the last, then <see cref="Commit"/> to keep them or disposal to
/// drop them. After <see cref="Complete"/> the counts and the suppressed rows are final, for a dry run's report too.
/// </summary>
internal interface IImportWriter : IDisposable
{
    /// <summary>Chunks handed to <see cref="Write"/> should hold a multiple of this many rows.</summary>
    const int ChunkUnit = 100;

    /// <summary>New subscribers written.</summary>
    int Added { get; }

    /// <summary>Existing subscribers updated.</summary>
    int Updated { get; }

    /// <summary>Rows left alone because their address is unsubscribed, bounced or complained.</summary>
    List<SuppressedRow> Suppressed { get; }

    /// <summary>Writes (or stages) <paramref name="rows"/>.</summary>
    /// <exception cref="System.Data.Common.DbException">The store failed; nothing is kept.</exception>
    void Write(IReadOnlyList<(int Line, ImportRow Row)> rows);

    /// <summary>Finishes writing after the last chunk; the counts are final afterwards.</summary>
    /// <exception cref="System.Data.Common.DbException">The store failed; nothing is kept.</exception>
    void Complete();

    /// <summary>Keeps what was written.</summary>
    /// <exception cref="System.Data.Common.DbException">The store failed; nothing is kept.</exception>
    void Commit();

    /// <summary>The writer for <paramref name="database"/>'s engine and an import file of <paramref name="lines"/> lines.</summary>
    static IImportWriter For(Database database, string source, string now, long lines) => database.Kind switch
    {
        StoreKind.Postgres when PostgresBulkImportWriter.Suits(database, lines) => new PostgresBulkImportWriter(database, source, now, lines),
        StoreKind.Postgres => new PostgresImportWriter(database, source, now),
        _ => new SqliteImportWriter(database, source, now),
    };
}
