// Loads named statements from Storage/Sql/*.sql ("-- name: x" sections), so SQL lives in .sql files.
using System.Collections.Frozen;
using System.Text;

namespace Newsletter.Storage;

/// <summary>
/// Named SQL statements. A file <c>Storage/Sql/deliveries.sql</c> holds sections that start with a line
/// <c>-- name: claim-batch</c>; <c>SqlCatalog.Get("deliveries", "claim-batch")</c> returns that section's text.
/// Parameters are always bound by the caller, never concatenated.
/// </summary>
public static class SqlCatalog
{
    private const string Prefix = "Newsletter.Storage.Sql.";
    private static readonly FrozenDictionary<string, string> Statements = LoadAll();

    /// <summary>The statement <paramref name="name"/> of file <paramref name="file"/> (without <c>.sql</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such statement: a programming error.</exception>
    public static string Get(string file, string name) =>
        Statements.TryGetValue($"{file}/{name}", out var sql)
            ? sql
            : throw new KeyNotFoundException($"no SQL statement '{name}' in Storage/Sql/{file}.sql");

    private static FrozenDictionary<string, string> LoadAll()
    {
        var assembly = typeof(SqlCatalog).Assembly;
        var result = new Dictionary<string, string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var file = resource[Prefix.Length..^".sql".Length];
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
