// A throwaway workspace folder with a real SQLite file, deleted after each test.
using Newsletter.Storage;

namespace Newsletter.Tests.Support;

public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("newsletter-test-").FullName;
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public Database OpenDatabase() => Database.Open(PathOf("newsletter.db"));

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
