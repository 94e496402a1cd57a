// Finds where a piece of rendered output came from, so findings point at the line an editor can change.
namespace Newsletter.Checks;

/// <summary>
/// Searches the issue file, then the template files, for the first occurrence of a text (ordinal, case-sensitive
/// first, then case-insensitive) and gives its 1-based line and column. Files are read once.
/// </summary>
public sealed class SourceLocator
{
    private readonly List<(string Path, string[] Lines)> _files = [];

    /// <summary>Creates a locator over <paramref name="issuePath"/> and every file under <paramref name="templatesPath"/> (when given).</summary>
    public SourceLocator(string issuePath, string? templatesPath)
    {
        IssuePath = issuePath;
        if (File.Exists(issuePath)) _files.Add((issuePath, File.ReadAllText(issuePath).Replace("\r\n", "\n").Split('\n')));
        if (templatesPath is not null && Directory.Exists(templatesPath))
            foreach (var file in Directory.EnumerateFiles(templatesPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                _files.Add((Display(file), File.ReadAllText(file).Replace("\r\n", "\n").Split('\n')));
    }

    /// <summary>The issue file.</summary>
    public string IssuePath { get; }

    /// <summary>The first place <paramref name="text"/> occurs, or the issue file without a line.</summary>
    public SourcePosition Find(string text)
    {
        if (text.Length > 0)
            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
                foreach (var (path, lines) in _files)
                    for (var i = 0; i < lines.Length; i++)
                    {
                        var column = lines[i].IndexOf(text, comparison);
                        if (column >= 0) return new SourcePosition(path, i + 1, column + 1, lines[i]);
                    }
        return new SourcePosition(IssuePath, 0, 0);
    }

    private static string Display(string file)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }
}
