// Finds where a piece of rendered output came from, so findings point at the line an editor can change.
using Newsletter.Configuration;

namespace Newsletter.Checks;

/// <summary>
/// Searches the issue file, then the template files, for the first occurrence of a text (ordinal, case-sensitive
/// first, then case-insensitive) and gives its 1-based line and column. Files are read once.
/// </summary>
public sealed class SourceLocator
{
    private readonly List<(string Path, string Text, int[] LineStarts)> _files = [];
    // Rules ask for the same text many times (one link in many places); each distinct text is searched once.
    private readonly Dictionary<string, SourcePosition> _found = new(StringComparer.Ordinal);

    /// <summary>Creates a locator over <paramref name="issuePath"/> and every file under <paramref name="templatesPath"/> (when given).</summary>
    public SourceLocator(string issuePath, string? templatesPath)
    {
        IssuePath = issuePath;
        if (File.Exists(issuePath)) Add(issuePath, File.ReadAllText(issuePath));
        if (templatesPath is not null && Directory.Exists(templatesPath))
            foreach (var file in Directory.EnumerateFiles(templatesPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                Add(Display(file), File.ReadAllText(file));
    }

    /// <summary>The issue file.</summary>
    public string IssuePath { get; }

    /// <summary>The first place <paramref name="text"/> occurs, or the issue file without a line.</summary>
    public SourcePosition Find(string text)
    {
        if (_found.TryGetValue(text, out var known)) return known;
        var position = Search(text);
        _found[text] = position;
        return position;
    }

    private SourcePosition Search(string text)
    {
        // One search over each whole file (vectorised) instead of one per line; a match that would span a line
        // break is skipped, as the line-by-line search never found one.
        if (text.Length > 0 && !text.Contains('\n'))
            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
                foreach (var (path, content, starts) in _files)
                {
                    var at = content.IndexOf(text, comparison);
                    if (at < 0) continue;
                    var line = Array.BinarySearch(starts, at);
                    if (line < 0) line = ~line - 1;
                    var end = line + 1 < starts.Length ? starts[line + 1] - 1 : content.Length;
                    return new SourcePosition(path, line + 1, at - starts[line] + 1, content[starts[line]..end]);
                }
        return new SourcePosition(IssuePath, 0, 0);
    }

    private void Add(string path, string text)
    {
        text = text.Replace("\r\n", "\n");
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        _files.Add((path, text, starts.ToArray()));
    }

    /// <summary>A file as findings name it: relative to the current folder when inside it, else as given.</summary>
    internal static string Display(string file) => RunEnvironment.Current.Display(file);
}
