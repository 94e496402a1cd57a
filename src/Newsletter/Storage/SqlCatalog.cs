// Loads named statements from Storage/Sql/*.sql ("-- name: x" sections), so SQL lives in .sql files.
using System.Collections.Frozen;
using System.Text;

namespace Newsletter.Storage;

/// <summary>
/// Named SQL statements. A file <c>Storage/Sql/deliveries.sql</c> holds sections that start with a line
/// <c>-- name: claim-batch</c>; <c>SqlCatalog.Get(kind, "deliveries", "claim-batch")</c> returns that section's text
/// (callers usually write <c>connection.Sql("deliveries", "claim-batch")</c>, see <see cref="DbCommands"/>).
/// Those files are written for both stores. A statement that PostgreSQL needs in other words has a section of the
/// same name in <c>Storage/Sql/Postgres/</c>, which replaces it there: that folder is the whole list of differences.
/// Parameters are written <c>@name</c> and always bound by the caller, never concatenated.
/// </summary>
public static class SqlCatalog
{
    private const string Prefix = "Newsletter.Storage.Sql.";
    private const string PostgresPrefix = Prefix + "Postgres.";
    private static readonly FrozenDictionary<string, string> Shared = Load(Prefix);
    private static readonly FrozenDictionary<string, string> Postgres = Load(PostgresPrefix);

    /// <summary>Statement <paramref name="name"/> of file <paramref name="file"/> as <paramref name="kind"/> runs it.</summary>
    /// <exception cref="KeyNotFoundException">No such statement: a programming error.</exception>
    public static string Get(StoreKind kind, string file, string name)
    {
        var key = $"{file}/{name}";
        if (kind == StoreKind.Postgres && Postgres.TryGetValue(key, out var postgres)) return postgres;
        return Shared.TryGetValue(key, out var sql)
            ? sql
            : throw new KeyNotFoundException($"no SQL statement '{name}' in Storage/Sql/{file}.sql");
    }

    /// <summary>The PostgreSQL sections, as <c>file/name</c>; each must replace a shared one (checked by the tests).</summary>
    public static IEnumerable<string> PostgresOverrides => Postgres.Keys;

    /// <summary>True when a shared section <c>file/name</c> exists.</summary>
    public static bool HasShared(string key) => Shared.ContainsKey(key);

    private static FrozenDictionary<string, string> Load(string prefix)
    {
        var assembly = typeof(SqlCatalog).Assembly;
        var result = new Dictionary<string, string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..^".sql".Length];
            if (file.Contains('.')) continue; // a subfolder's file, e.g. Postgres.votes under the shared prefix
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            foreach (var (name, sql) in Split(reader.ReadToEnd()))
                result[$"{file}/{name}"] = sql;
        }
        return result.ToFrozenDictionary();
    }

    private static IEnumerable<(string Name, string Sql)> Split(string text)
    {
        string? name = null;
        var body = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-- name:", StringComparison.Ordinal))
            {
                if (name is not null) yield return (name, body.ToString().Trim());
                name = trimmed["-- name:".Length..].Trim();
                body.Clear();
            }
            else if (name is not null)
            {
                body.Append(line).Append('\n');
            }
        }
        if (name is not null) yield return (name, body.ToString().Trim());
    }
}
