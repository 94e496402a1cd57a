// Tells a SQLite path from a PostgreSQL address in the `database` setting, before anything opens it.
namespace Newsletter.Configuration;

/// <summary>
/// The two forms of the <c>database</c> setting: a PostgreSQL server, named by an Npgsql connection string
/// (<c>Host=db.example;Database=newsletter;Username=mailer</c>) or a libpq URL (<c>postgres://mailer@db.example/newsletter</c>),
/// or else the path of a SQLite file, relative to the configuration file.
/// </summary>
public static class DatabaseSetting
{
    /// <summary>True when <paramref name="setting"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsServer(string setting)
    {
        var text = setting.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return true;
        // A connection string is keyword=value pairs; a file name with '=' and ';' and a Host key is not one anyone writes.
        return text.Contains('=') && text.Split(';').Any(p => p.Split('=')[0].Trim() is var key
            && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase)));
    }
}
