// Reads a TOML front matter block (Hugo's "+++") with Tomlyn and restates it as YAML at the same lines.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Newsletter.Authoring;

/// <summary>
/// TOML front matter (TOML 1.0, as Hugo writes it), parsed by Tomlyn, so every TOML construct is understood and a
/// syntax error names its line and column. The issue's fields are then read from YAML like the other front matter
/// formats: each top-level key is written on the YAML line where the TOML defines it, so a field error (a bad date,
/// an empty title) points at the line the editor wrote. A <c>[table]</c> of plain keys keeps a line per key; any
/// other table (dotted, nested, an array of tables) is written in flow style on its first line.
/// </summary>
public static partial class TomlFrontMatter
{
    private static readonly JsonSerializerOptions Flow = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Translates <paramref name="lines"/> (the block between the <c>+++</c> lines) into as many YAML lines.</summary>
    /// <param name="path">The issue file, for errors.</param>
    /// <param name="lines">The TOML lines.</param>
    /// <param name="firstLine">1-based file line of <paramref name="lines"/>[0].</param>
    /// <returns>YAML text with one line per TOML line: a mapping of the document's top-level keys.</returns>
    /// <exception cref="IssueFormatException">The block is not valid TOML (the first error Tomlyn reports, with its position).</exception>
    public static string ToYaml(string path, IReadOnlyList<string> lines, int firstLine)
    {
        var text = string.Join('\n', lines.Select(l => l.TrimEnd('\r')));
        var document = SyntaxParser.Parse(text, path, true);
        if (document.HasErrors)
        {
            var error = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw Error(path, lines, firstLine, error.Span.Start, Reason(error.Message));
        }
        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(text)!;
        }
        catch (TomlException e)
        {
            throw Error(path, lines, firstLine, new TextPosition(0, 0, 0), Reason(e.Message));
        }

        var yaml = new string[Math.Max(lines.Count, 1)];
        Array.Fill(yaml, "");
        foreach (var (key, definitions) in Definitions(document))
        {
            var value = model[key];
            if (definitions is [TableSyntax table] && table.Name!.DotKeys.ChildrenCount == 0 && value is TomlTable entries &&
                table.Items.All(kv => kv.Key!.DotKeys.ChildrenCount == 0))
            {
                yaml[table.Span.Start.Line] = Key(key) + ":";
                foreach (var kv in table.Items)
                    yaml[kv.Span.Start.Line] = Line("  ", Name(kv.Key!.Key!), entries[Name(kv.Key!.Key!)], kv.Value!.Span.Start.Column);
            }
            else
            {
                var first = definitions[0];
                var column = first is KeyValueSyntax kv && kv.Key!.DotKeys.ChildrenCount == 0 ? kv.Value!.Span.Start.Column : 0;
                yaml[first.Span.Start.Line] = Line("", key, value, column);
            }
        }
        return string.Join('\n', yaml);
    }

    // Where each top-level key is defined, in file order: its key = value lines and its table headers.
    private static List<(string Key, List<SyntaxNode> Definitions)> Definitions(DocumentSyntax document)
    {
        var found = new List<(string Key, List<SyntaxNode> Definitions)>();
        void Add(string key, SyntaxNode node)
        {
            var index = found.FindIndex(f => f.Key == key);
            if (index < 0) found.Add((key, [node]));
            else found[index].Definitions.Add(node);
        }
        foreach (var kv in document.KeyValues) Add(Name(kv.Key!.Key!), kv);
        foreach (var table in document.Tables) Add(Name(table.Name!.Key!), table);
        return found;
    }

    // "key: value", the value starting where it starts in the TOML line when there is room, so columns stay true.
    private static string Line(string indent, string key, object? value, int valueColumn)
    {
        var head = indent + Key(key) + ":";
        return head + new string(' ', Math.Max(1, valueColumn - head.Length)) + Yaml(value);
    }

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : JsonSerializer.Serialize(key, Flow);

    // A TOML value in YAML flow style; JSON is a subset of it, and dates stay plain so they read as written.
    private static string Yaml(object? value) => value switch
    {
        string s => JsonSerializer.Serialize(s, Flow),
        bool b => b ? "true" : "false",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d when double.IsNaN(d) => ".nan",
        double d when double.IsInfinity(d) => d > 0 ? ".inf" : "-.inf",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        TomlDateTime date => date.ToString(),
        TomlTable table => "{" + string.Join(", ", table.Select(p => JsonSerializer.Serialize(p.Key, Flow) + ": " + Yaml(p.Value))) + "}",
        TomlTableArray tables => "[" + string.Join(", ", tables.Select(Yaml)) + "]",
        TomlArray array => "[" + string.Join(", ", array.Select(Yaml)) + "]",
        _ => JsonSerializer.Serialize(Convert.ToString(value, CultureInfo.InvariantCulture), Flow),
    };

    private static string Name(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => key.ToString()!,
    };

    // Tomlyn's messages start with the position it already gives separately.
    private static string Reason(string message) => "front matter is not valid TOML: " + PositionPrefix().Replace(message, "").Trim();

    private static IssueFormatException Error(string path, IReadOnlyList<string> lines, int firstLine, TextPosition at, string reason)
    {
        var line = Math.Clamp(at.Line, 0, Math.Max(0, lines.Count - 1));
        return new(new SourcePosition(path, firstLine + line, at.Column + 1, lines.Count > 0 ? lines[line].TrimEnd('\r') : null), reason);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex PlainKey();

    [GeneratedRegex(@"^.*?\(\d+,\d+\)\s*:\s*(error\s*:\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex PositionPrefix();
}
