using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Storage;

[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PrivateFilesTests
{
    private const UnixFileMode WorldReadable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Test]
    public void CreateDirectory_Missing_IsOwnerOnly()
    {
        using var workspace = new TempWorkspace();
        var folder = workspace.PathOf("outbox/issue");

        PrivateFiles.CreateDirectory(folder);

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(PrivateFiles.DirectoryMode));
            Assert.That(File.GetUnixFileMode(workspace.PathOf("outbox")), Is.EqualTo(PrivateFiles.DirectoryMode));
        });
    }

    [Test]
    public void CreateDirectory_ExistingOpenFolder_IsTightened()
    {
        using var workspace = new TempWorkspace();
        var folder = Directory.CreateDirectory(workspace.PathOf("outbox"), WorldReadable | UnixFileMode.UserExecute).FullName;

        PrivateFiles.CreateDirectory(folder);

        Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(PrivateFiles.DirectoryMode));
    }

    [Test]
    public void CreateFile_New_IsOwnerOnlyAndWritable()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.PathOf("a.eml");

        using (var stream = PrivateFiles.CreateFile(file)) stream.WriteByte((byte)'x');

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(PrivateFiles.FileMode));
            Assert.That(File.ReadAllText(file), Is.EqualTo("x"));
        });
    }

    [Test]
    public void CreateFile_ExistingWorldReadableWithCreate_IsTruncatedAndTightened()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("a.eml", "old");
        File.SetUnixFileMode(file, WorldReadable);

        PrivateFiles.CreateFile(file, FileMode.Create).Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(PrivateFiles.FileMode));
            Assert.That(new FileInfo(file).Length, Is.Zero);
        });
    }

    [Test]
    public void CreateFile_ExistingWithCreateNew_Throws()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("a.eml", "old");

        Assert.Throws<IOException>(() => PrivateFiles.CreateFile(file).Dispose());
    }
}
