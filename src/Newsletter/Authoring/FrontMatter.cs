// Splits front matter (YAML "---", TOML "+++" or Pelican "Key: value" lines) from the Markdown body, with positions.
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Newsletter.Authoring;

/// <summary>
/// Front matter: a YAML mapping between a first line <c>---</c> and the next <c>---</c> (or <c>...</c>) line
/// (the Jekyll convention), a TOML block between <c>+++</c> lines (Hugo, see <see cref="TomlFrontMatter"/>), or
/// Pelican <c>Key: value</c> lines ended by a blank line (see <see cref="PelicanHeader"/>). Values keep their
/// source line and column for error messages.
/// </summary>
public sealed class FrontMatter
{
    private readonly Dictionary<string, YamlNode> _values;

    private readonly int _lineOffset;

    private FrontMatter(string path, Dictionary<string, YamlNode> values, int lineOffset = 1, bool present = true,
        IReadOnlyList<IssueWarning>? warnings = null)
    {
        Path = path;
        _values = values;
        _lineOffset = lineOffset;
        Present = present;
        Warnings = warnings ?? [];
    }

    /// <summary>The file the front matter came from.</summary>
    public string Path { get; }

    /// <summary>Whether the file has a front matter block at all (false for a file that starts with its body).</summary>
    public bool Present { get; }

    /// <summary>Values read differently from how they look (see <see cref="TrailingComments"/>), in file order.</summary>
    public IReadOnlyList<IssueWarning> Warnings { get; }

    /// <summary>Keys in file order.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The node of <paramref name="key"/>, or null.</summary>
    public YamlNode? this[string key] => _values.GetValueOrDefault(key);

    /// <summary>Splits <paramref name="text"/> into front matter and body.</summary>
    /// <returns>The front matter (empty when the file has none), the body, and the body's 1-based first line.</returns>
    /// <exception cref="IssueFormatException">The block is unterminated, not YAML, or not a mapping.</exception>
    public static (FrontMatter FrontMatter, string Body, int BodyLine) Split(string path, string text)
    {
        var lines = text.Split('\n');
        var first = lines[0].TrimEnd('\r', ' ', '\uFEFF').TrimStart('\uFEFF');
        if (first is "---" or "+++")
        {
            var toml = first == "+++";
            var end = Array.FindIndex(lines, 1, l => toml ? l.TrimEnd('\r', ' ') == "+++" : l.TrimEnd('\r', ' ') is "---" or "...");
            if (end < 0)
                throw new IssueFormatException(new SourcePosition(path, 1, 1, lines[0]), $"front matter starts with '{first}' but has no closing '{first}' line");
            var yaml = toml ? TomlFrontMatter.ToYaml(path, lines[1..end], 2) : string.Join('\n', lines[1..end]);
            return (Parse(path, yaml, lines, 1, findComments: !toml), string.Join('\n', lines[(end + 1)..]), end + 2);
        }
        var header = PelicanHeader.Length(lines);
        if (header == 0) return (new FrontMatter(path, [], present: false), text, 1);
        // The blank line after the header belongs to it; the body keeps its own line numbers.
        return (Parse(path, PelicanHeader.ToYaml(lines, header), lines, 0), string.Join('\n', lines[header..]), header + 1);
    }

    // TOML and Pelican headers are translated into YAML whose comments the editor did not write as YAML, so only
    // YAML front matter is searched for values cut short by a comment.
    private static FrontMatter Parse(string path, string yaml, string[] fileLines, int lineOffset, bool findComments = false)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + lineOffset;
            throw new IssueFormatException(At(path, fileLines, line, (int)e.Start.Column), "front matter is not valid YAML: " + Reason(e), e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some malformed plain scalars, without a position.
            throw new IssueFormatException(At(path, fileLines, 1 + lineOffset, 0), "front matter is not valid YAML; check its quotes and indentation", e);
        }
        if (stream.Documents.Count == 0) return new FrontMatter(path, [], lineOffset);
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            throw new IssueFormatException(At(path, fileLines, 1 + lineOffset, 1), "front matter must be a list of 'key: value' lines");
        var values = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode scalar)
                throw new IssueFormatException(At(path, fileLines, (int)key.Start.Line + lineOffset, (int)key.Start.Column), "front matter keys must be plain words, as in 'title: …'");
            values[scalar.Value ?? ""] = value;
        }
        return new FrontMatter(path, values, lineOffset, warnings: findComments ? TrailingComments.Find(path, yaml, mapping, lineOffset) : null);
    }

    /// <summary>The position of a node in the file (YAML and TOML front matter begin on line 2, Pelican lines on line 1).</summary>
    public SourcePosition PositionOf(YamlNode node, string? sourceLine = null) =>
        new(Path, (int)node.Start.Line + _lineOffset, (int)node.Start.Column, sourceLine);

    /// <summary>1-based file line of a node.</summary>
    public int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    private static SourcePosition At(string path, string[] lines, int line, int column) =>
        new(path, line, column, line - 1 < lines.Length && line >= 1 ? lines[line - 1].TrimEnd('\r') : null);

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }
}
