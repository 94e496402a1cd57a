// Where Debian's PostgreSQL server programs are: /usr/lib/postgresql/<highest version>/bin.
using NUnit.Framework;

namespace Newsletter.Testing;

internal static class PostgresBinaries
{
    private const string Root = "/usr/lib/postgresql";
    private const string InstallHint =
        "the PostgreSQL server is required (initdb and postgres under /usr/lib/postgresql/N/bin): " +
        "run tests/install-peers.sh or apt-get install -y postgresql";

    /// <summary>The bin folder of the newest installed major version; fails the test with an install hint if none.</summary>
    // Only Debian's own folder: an initdb or pg_ctl on the PATH (e.g. /usr/local/bin) may belong to another install.
    public static string Folder()
    {
        var folder = Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: MajorVersion(Path.GetFileName(dir))))
                .Where(c => c.Version is not null && IsServer(c.Dir))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault()
            : null;
        if (folder is null) Assert.Fail(InstallHint);
        return folder!;
    }

    private static bool IsServer(string bin) =>
        File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres"));

    // Folders are "15", "16", ... and, for old releases, "9.6".
    private static Version? MajorVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;
}
