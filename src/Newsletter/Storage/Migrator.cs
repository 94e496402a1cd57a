// Applies the numbered Storage/Migrations/*.sql scripts in order, tracked by PRAGMA user_version.
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Newsletter.Storage;

/// <summary>Schema versioning: migration N is the embedded script <c>NNNN_name.sql</c> (numbered from 1 without gaps); each runs in its own transaction.</summary>
public static class Migrator
{
    private const string Prefix = "Newsletter.Storage.Migrations.";

    /// <summary>The schema version the code expects.</summary>
    public static int LatestVersion => Scripts().Count;

    /// <summary>Brings <paramref name="connection"/> up to <see cref="LatestVersion"/>.</summary>
    /// <exception cref="InvalidOperationException">The database is newer than this program.</exception>
    public static void Apply(SqliteConnection connection) => Apply(connection, LatestVersion);

    /// <summary>
    /// Brings <paramref name="connection"/> up to <paramref name="targetVersion"/> (1 to <see cref="LatestVersion"/>)
    /// and no further, so an upgrade from an older schema can be reproduced with that schema's data in place.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database is newer than this program.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetVersion"/> is not a known version.</exception>
    public static void Apply(SqliteConnection connection, int targetVersion)
    {
        var current = CurrentVersion(connection);
        var scripts = Scripts();
        if (current > scripts.Count)
            throw new InvalidOperationException(
                $"database schema version {current} is newer than this program supports ({scripts.Count}); upgrade newsletter");
        ArgumentOutOfRangeException.ThrowIfLessThan(targetVersion, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, scripts.Count);
        for (var version = current + 1; version <= targetVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = scripts[version - 1] + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    // A script's version is the number its file name starts with; they must run 1, 2, 3... with no gap, because a
    // database's user_version says how many have been applied.
    private static List<string> Scripts()
    {
        var assembly = typeof(Migrator).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n[Prefix.Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), Name: n))
            .OrderBy(s => s.Version)
            .ToList();
        for (var i = 0; i < scripts.Count; i++)
            if (scripts[i].Version != i + 1)
                throw new InvalidOperationException($"migration {scripts[i].Name} should be numbered {i + 1:0000}");
        return scripts.Select(s => Read(assembly, s.Name)).ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
