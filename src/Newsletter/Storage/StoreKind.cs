// Which database engine holds a workspace: the embedded default or the shared server.
namespace Newsletter.Storage;

/// <summary>The engine behind a <see cref="Database"/>; SQL that differs between them lives in one place per kind.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file (https://sqlite.org), the embedded default for one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (https://www.postgresql.org), shared by several senders and web servers.</summary>
    Postgres,
}
