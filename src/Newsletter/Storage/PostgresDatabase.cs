// Connects to a shared PostgreSQL database through one pooled Npgsql data source, after checking its schema.
using Npgsql;

namespace Newsletter.Storage;

/// <summary>
/// The shared store: a PostgreSQL database (https://www.postgresql.org/docs/current/) reached through an
/// <see cref="NpgsqlDataSource"/>, whose pool every store class of the process shares. Opening never migrates: several
/// senders and web servers use the database at once, so the schema changes only through <c>newsletter db migrate</c>.
/// </summary>
public static class PostgresDatabase
{
    /// <summary>Opens the pool for <paramref name="address"/> and checks the schema version.</summary>
    /// <param name="address">A PostgreSQL address.</param>
    /// <param name="busyTimeout">How long a statement may wait for a lock (PostgreSQL <c>lock_timeout</c>).</param>
    /// <param name="requireSchema">False for <c>db migrate</c>, which brings an older or empty database up to date.</param>
    /// <exception cref="StorageException">The server cannot be reached or refuses the login (the message names the database), or the schema is newer than this program, or older and <paramref name="requireSchema"/> is set.</exception>
    public static Database Open(DatabaseAddress address, TimeSpan busyTimeout, bool requireSchema = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(address.Value);
        // Keeps a statement stuck behind another transaction's row lock from hanging a send or a page for ever; any
        // options the address gives stay, after ours, so that theirs win.
        builder.Options = $"-c lock_timeout={(long)busyTimeout.TotalMilliseconds} {builder.Options}".TrimEnd();
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "newsletter";
        var source = NpgsqlDataSource.Create(builder.ConnectionString);
        var database = new Database(StoreKind.Postgres, address.Display, address.Display, () => source.OpenConnection());
        int version;
        try
        {
            using var connection = database.Connect();
            version = Migrator.CurrentVersion(connection);
        }
        catch (NpgsqlException e)
        {
            // The first contact is where a wrong host, password or database shows: name the database in the message.
            throw new StorageException(StorageErrors.Describe(e, address.Display));
        }
        if (version > Migrator.LatestVersion) throw StorageException.Newer(address.Display, version);
        if (requireSchema && version < Migrator.LatestVersion)
            throw new StorageException(version == 0
                ? $"the database {address.Display} has no newsletter schema yet; run 'newsletter db migrate' once"
                : $"the database {address.Display} has schema version {version} and this program needs {Migrator.LatestVersion}; run 'newsletter db migrate'");
        return database;
    }
}
