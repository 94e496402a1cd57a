// The returned mail `bounces import` reads: one .eml file, a Maildir (cur/ and new/), or a folder of .eml files.
namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Lists the message files under a path: the file itself; for a Maildir (a folder with <c>cur/</c> or
/// <c>new/</c>), every file in those two; for any other folder, its <c>*.eml</c> files. In name order, so reruns
/// go the same way.
/// </summary>
public static class BounceFiles
{
    /// <summary>The message files <paramref name="path"/> names.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IReadOnlyList<string> Under(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"{path}: no such file or folder", path);
        var maildir = new[] { "cur", "new" }.Select(d => Path.Combine(path, d)).Where(Directory.Exists).ToList();
        var files = maildir.Count > 0
            ? maildir.SelectMany(d => Directory.EnumerateFiles(d))
            : Directory.EnumerateFiles(path, "*.eml");
        return files.Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
    }
}
