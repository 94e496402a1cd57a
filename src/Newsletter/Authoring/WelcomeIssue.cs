// Finds the one issue in the issues folder marked `welcome: true`.
namespace Newsletter.Authoring;

/// <summary>
/// The welcome issue: the file of the issues folder whose front matter says <c>welcome: true</c>. A list has at most
/// one, because a new subscriber gets exactly one welcome; two are an error naming both files.
/// </summary>
public static class WelcomeIssue
{
    /// <summary>The welcome issue of <paramref name="issuesFolder"/>, or null when no file is one (or the folder does not exist).</summary>
    /// <remarks>Files that do not parse are skipped here; <c>check</c> and <c>send</c> report them where they are used.</remarks>
    /// <exception cref="IssueFormatException">Two files say <c>welcome: true</c>; the message names both.</exception>
    public static Issue? Find(string issuesFolder)
    {
        if (!Directory.Exists(issuesFolder)) return null;
        Issue? found = null;
        foreach (var file in Directory.EnumerateFiles(issuesFolder, "*.md").Order(StringComparer.Ordinal))
        {
            Issue issue;
            try
            {
                issue = IssueParser.Load(file);
            }
            catch (IssueFormatException)
            {
                continue;
            }
            if (!issue.Welcome) continue;
            if (found is not null)
                throw new IssueFormatException(KeyPosition(file),
                    $"both {found.SourcePath} and {file} say 'welcome: true'; a new subscriber gets one welcome, so keep it in one file");
            found = issue;
        }
        return found;
    }

    // The line of the second file's `welcome` key (YAML `welcome:`, TOML `welcome =`, Pelican `Welcome:`), else line 1.
    private static SourcePosition KeyPosition(string file)
    {
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.StartsWith("welcome", StringComparison.OrdinalIgnoreCase) &&
            l[7..].TrimStart() is [':' or '=', ..]);
        return index < 0 ? new SourcePosition(file, 1, 1) : new SourcePosition(file, index + 1, 1, lines[index]);
    }
}
