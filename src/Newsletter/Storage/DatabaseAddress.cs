// Reads the `database` setting: a SQLite file path, or where a PostgreSQL server is and how to log in.
using Npgsql;

namespace Newsletter.Storage;

/// <summary>
/// The <c>database</c> setting, classified. A PostgreSQL server is named by an Npgsql connection string
/// (<c>Host=db.example;Database=newsletter;Username=mailer</c>) or a libpq URL
/// (<c>postgres://mailer@db.example:5432/newsletter</c>, https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS);
/// anything else is the path of a SQLite file. The password comes from the setting itself, else from
/// <c>NEWSLETTER_DATABASE_PASSWORD</c>, else from the standard <c>PGPASSWORD</c>, and never appears in <see cref="Display"/>.
/// </summary>
public sealed class DatabaseAddress
{
    /// <summary>Variable read for the PostgreSQL password before <c>PGPASSWORD</c>.</summary>
    public const string PasswordVariable = "NEWSLETTER_DATABASE_PASSWORD";

    private DatabaseAddress(StoreKind kind, string value, string display)
    {
        Kind = kind;
        Value = value;
        Display = display;
    }

    /// <summary>The engine.</summary>
    public StoreKind Kind { get; }

    /// <summary>For SQLite the file path as given; for PostgreSQL a full Npgsql connection string, password included.</summary>
    public string Value { get; }

    /// <summary>Safe to print: the SQLite path, or <c>postgres://user@host:port/database</c> without the password.</summary>
    public string Display { get; }

    /// <summary>Classifies <paramref name="setting"/>, reading the password from the environment when it has none.</summary>
    /// <param name="setting">The <c>database</c> setting.</param>
    /// <param name="variable">Reads an environment variable (by default the process's).</param>
    /// <exception cref="ArgumentException">A PostgreSQL address that cannot be read; the message never contains the password.</exception>
    public static DatabaseAddress Parse(string setting, Func<string, string?>? variable = null)
    {
        if (!Configuration.DatabaseSetting.IsServer(setting)) return new DatabaseAddress(StoreKind.Sqlite, setting, setting);
        variable ??= Environment.GetEnvironmentVariable;
        var builder = setting.Contains("://", StringComparison.Ordinal) ? FromUrl(setting.Trim()) : FromConnectionString(setting);
        if (string.IsNullOrEmpty(builder.Password))
        {
            var password = variable(PasswordVariable);
            if (string.IsNullOrEmpty(password)) password = variable("PGPASSWORD");
            if (!string.IsNullOrEmpty(password)) builder.Password = password;
        }
        if (string.IsNullOrEmpty(builder.Host)) throw new ArgumentException("the PostgreSQL address names no host");
        if (string.IsNullOrEmpty(builder.Database)) throw new ArgumentException("the PostgreSQL address names no database");
        // Written as a URL would be, so a user or database name holding '@', ':' or '/' cannot be misread.
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var display = $"postgres://{user}{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database)}";
        return new DatabaseAddress(StoreKind.Postgres, builder.ConnectionString, display);
    }

    private static NpgsqlConnectionStringBuilder FromConnectionString(string setting)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(setting);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message quotes the keyword it did not know, never a value.
            throw new ArgumentException("the PostgreSQL connection string cannot be read: " + e.Message);
        }
    }

    // postgres://user:password@host:port/database?sslmode=require, as libpq reads it; user and password are
    // percent-decoded so that a password may hold ':' or '@'.
    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException("the PostgreSQL URL cannot be read; expected postgres://user@host:port/database");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0) continue;
            var key = Uri.UnescapeDataString(pair[..equals]);
            var value = Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase)) builder["SSL Mode"] = value.Replace("-", "", StringComparison.Ordinal);
                else builder[key] = value;
            }
            catch (ArgumentException)
            {
                throw new ArgumentException($"the PostgreSQL URL has an option Npgsql does not know: {key}");
            }
        }
        return builder;
    }
}
