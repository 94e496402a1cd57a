// Takes a large import's append-only secondary indexes down while it loads and builds them again before it commits.
using Microsoft.Data.Sqlite;
using Newsletter.Storage;

namespace Newsletter.Audience;

/// <summary>
/// Inside the import's transaction, drops the indexes named by <c>bulk-load-indexes</c> once the import has
/// written more rows than the list held (and at least <see cref="MinimumRows"/>), and recreates them from their
/// recorded definitions in <see cref="Rebuild"/>. Other connections never see them missing (the drop is part of
/// the uncommitted transaction) and a rollback restores them. A small import into a large list keeps its indexes:
/// rebuilding costs a pass over the whole list.
/// </summary>
internal sealed class DeferredIndexes(SqliteConnection connection, SqliteTransaction transaction, long rowsBefore)
{
    /// <summary>Rows written before indexes are worth rebuilding rather than updating.</summary>
    public const int MinimumRows = 20_000;

    private List<string>? _definitions;

    /// <summary>Drops the indexes when <paramref name="rowsWritten"/> (so far in this import) makes it worthwhile; later calls do nothing.</summary>
    public void Consider(long rowsWritten)
    {
        if (_definitions is not null || rowsWritten < Math.Max(MinimumRows, rowsBefore)) return;
        _definitions = [];
        using (var read = Command("bulk-load-indexes"))
        using (var reader = read.ExecuteReader())
            while (reader.Read()) _definitions.Add(reader.GetString(0));
        using var drop = Command("drop-bulk-load-indexes");
        drop.ExecuteNonQuery();
    }

    /// <summary>Recreates what <see cref="Consider"/> dropped.</summary>
    public void Rebuild()
    {
        foreach (var definition in _definitions ?? [])
        {
            using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = definition;
            create.ExecuteNonQuery();
        }
        _definitions = null;
    }

    private SqliteCommand Command(string name)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqlCatalog.Get(StoreKind.Sqlite, "subscribers", name);
        return command;
    }
}
