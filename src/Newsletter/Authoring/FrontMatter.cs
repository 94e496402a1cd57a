// Splits a "---" YAML front matter block from the Markdown body and reads it with positions.
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Newsletter.Authoring;

/// <summary>
/// Front matter: a YAML mapping between a first line <c>---</c> and the next <c>---</c> (or <c>...</c>) line,
/// the Jekyll convention. Values keep their source line and column for error messages.
/// </summary>
public sealed class FrontMatter
{
    private readonly Dictionary<string, YamlNode> _values;

    private FrontMatter(string path, Dictionary<string, YamlNode> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file the front matter came from.</summary>
    public string Path { get; }

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
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ', '\uFEFF').TrimStart('\uFEFF') != "---")
            return (new FrontMatter(path, []), text, 1);
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd('\r', ' ') is "---" or "...");
        if (end < 0)
            throw new IssueFormatException(new SourcePosition(path, 1, 1, lines[0]), "front matter starts with '---' but has no closing '---' line");
        var yaml = string.Join('\n', lines[1..end]);
        var body = string.Join('\n', lines[(end + 1)..]);
        return (Parse(path, yaml, lines), body, end + 2);
    }

    private static FrontMatter Parse(string path, string yaml, string[] fileLines)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // The YAML starts on file line 2.
            var line = (int)e.Start.Line + 1;
            throw new IssueFormatException(At(path, fileLines, line, (int)e.Start.Column), "front matter is not valid YAML: " + Reason(e), e);
        }
        if (stream.Documents.Count == 0) return new FrontMatter(path, []);
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            throw new IssueFormatException(At(path, fileLines, 2, 1), "front matter must be a list of 'key: value' lines");
        var values = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
            values[((YamlScalarNode)key).Value ?? ""] = value;
        return new FrontMatter(path, values);
    }

    /// <summary>The position of a node in the file (front matter begins on line 2).</summary>
    public SourcePosition PositionOf(YamlNode node, string? sourceLine = null) =>
        new(Path, (int)node.Start.Line + 1, (int)node.Start.Column, sourceLine);

    private static SourcePosition At(string path, string[] lines, int line, int column) =>
        new(path, line, column, line - 1 < lines.Length && line >= 1 ? lines[line - 1].TrimEnd('\r') : null);

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }
}
