// Finds front matter values that YAML cut short at a '#', such as `title: Build Notes #12`.
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Newsletter.Authoring;

/// <summary>
/// In YAML 1.2 (§6.6) a <c>#</c> after white space starts a comment, even inside an unquoted (plain) value, so
/// <c>title: Build Notes #12</c> has the title <c>Build Notes</c>. An editor rarely means that, so a plain scalar
/// followed on its line by exactly one space or tab and a <c>#</c> is reported. Two or more spaces before the
/// <c>#</c> are the usual way to write a deliberate end-of-line comment (yamllint's <c>min-spaces-from-content</c>
/// defaults to 2) and are left alone, as is anything in quotes.
/// </summary>
public static class TrailingComments
{
    /// <summary>The warnings for <paramref name="root"/>, parsed from <paramref name="yaml"/>.</summary>
    /// <param name="path">The issue file, named in the warnings.</param>
    /// <param name="yaml">The front matter text the nodes were parsed from (their marks index into it).</param>
    /// <param name="root">The front matter's root mapping.</param>
    /// <param name="lineOffset">File lines before the first line of <paramref name="yaml"/>.</param>
    public static IReadOnlyList<IssueWarning> Find(string path, string yaml, YamlMappingNode root, int lineOffset)
    {
        var warnings = new List<IssueWarning>();
        Visit(root, null);
        return warnings;

        void Visit(YamlNode node, string? key)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var (k, v) in mapping.Children) Visit(v, k is YamlScalarNode s ? Join(key, s.Value) : key);
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children) Visit(item, key);
                    break;
                case YamlScalarNode { Style: ScalarStyle.Plain } scalar when CutAt(yaml, scalar) is { } hash:
                    warnings.Add(Warning(path, yaml, scalar, key ?? "value", hash, lineOffset));
                    break;
            }
        }
    }

    // The index of the '#' that ends the scalar, or null when no comment follows it after a single blank.
    private static int? CutAt(string yaml, YamlScalarNode scalar)
    {
        var end = (int)scalar.End.Index;
        return end + 1 < yaml.Length && yaml[end] is ' ' or '\t' && yaml[end + 1] == '#' ? end + 1 : null;
    }

    private static IssueWarning Warning(string path, string yaml, YamlScalarNode scalar, string key, int hash, int lineOffset)
    {
        var lineStart = yaml.LastIndexOf('\n', hash) + 1;
        var lineEnd = yaml.IndexOf('\n', hash);
        var line = yaml[lineStart..(lineEnd < 0 ? yaml.Length : lineEnd)].TrimEnd('\r');
        var comment = line[(hash - lineStart)..].TrimEnd();
        var kept = scalar.Value ?? "";
        var written = (kept.Length > 0 ? kept + " " : "") + comment;
        var read = kept.Length == 0 ? "empty" : $"'{kept}'";
        return new IssueWarning("yaml-comment", new SourcePosition(path, (int)scalar.End.Line + lineOffset, hash - lineStart + 1, line),
            $"YAML reads '{comment}' as a comment, so '{key}' is {read}; quote the value ({Short(key)}: \"{written.Replace("\"", "\\\"")}\") to keep the '#'");
    }

    private static string Join(string? parent, string? key) => parent is null ? key ?? "" : $"{parent}.{key}";

    // A nested key is written in the file by its last part.
    private static string Short(string key) => key[(key.LastIndexOf('.') + 1)..];
}
