using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Storage;

[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DatabaseTests
{
    [Test]
    public void Open_NewDatabase_FileWalAndShmAreOwnerOnly()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.PathOf("data/newsletter.db");

        var database = Database.Open(path);
        using var connection = database.Connect();

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(path + "-wal") && File.Exists(path + "-shm"), Is.True, "WAL files exist while a connection is open");
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(PrivateFiles.FileMode), file);
            Assert.That(File.GetUnixFileMode(workspace.PathOf("data")), Is.EqualTo(PrivateFiles.DirectoryMode));
        });
    }

    [Test]
    public void Open_ExistingWorldReadableDatabase_IsTightened()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.PathOf("newsletter.db");
        Database.Open(path);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(path, PrivateFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Database.Open(path);

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(PrivateFiles.FileMode));
    }
}
