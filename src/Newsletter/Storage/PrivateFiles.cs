// Creates folders and files that hold addresses and tokens so only their owner can read them.
using Newsletter.Configuration;

namespace Newsletter.Storage;

/// <summary>
/// Owner-only folders (0700) and files (0600) for personal data: the database and its <c>-wal</c>/<c>-shm</c> files,
/// outbox messages. A process's umask usually leaves new files world-readable (0644), which on a shared machine
/// hands every subscriber's address and personal links to every local user. On Windows, where files inherit the
/// folder's access list, these calls create folders and files with the default access.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Read and write for the owner only (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Read, write and search for the owner only (0700).</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/> and any missing parent folders with mode 0700. When <paramref name="path"/>
    /// already exists its mode is set to 0700; existing parents are left as they are.
    /// </summary>
    /// <param name="path">The folder, absolute or relative to the current directory.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="IOException">The path names a file, or the folder cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The caller may not create the folder or change its mode.</exception>
    public static DirectoryInfo CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path);
        var full = RunEnvironment.Current.FullPath(path);
        if (Directory.Exists(full))
        {
            File.SetUnixFileMode(full, DirectoryMode);
            return new DirectoryInfo(full);
        }
        // The mode given to Directory.CreateDirectory applies to the last folder only, so parents are made one by one.
        var missing = new Stack<string>();
        for (var folder = full; !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)) missing.Push(folder);
        while (missing.Count > 0) Directory.CreateDirectory(missing.Pop(), DirectoryMode);
        return new DirectoryInfo(full);
    }

    /// <summary>
    /// Opens <paramref name="path"/> for writing with mode 0600, creating it (or, with <see cref="System.IO.FileMode.Create"/>,
    /// truncating it). The mode is in place before the first byte is written, and is also set on a file that existed.
    /// </summary>
    /// <param name="path">The file; its folder must exist (see <see cref="CreateDirectory"/>).</param>
    /// <param name="mode"><see cref="System.IO.FileMode.CreateNew"/> (default: fail when the file exists) or <see cref="System.IO.FileMode.Create"/>.</param>
    /// <returns>A stream the caller disposes.</returns>
    /// <exception cref="IOException">The file exists and <paramref name="mode"/> is CreateNew, or it cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The caller may not create the file.</exception>
    public static FileStream CreateFile(string path, System.IO.FileMode mode = System.IO.FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (OperatingSystem.IsWindows()) return new FileStream(path, options);
        options.UnixCreateMode = FileMode;
        var stream = new FileStream(path, options);
        // UnixCreateMode applies only when the file is new; an existing file is tightened too.
        File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        return stream;
    }

    /// <summary>Sets mode 0600 on <paramref name="path"/> if it exists; does nothing on Windows or for a missing file.</summary>
    /// <param name="path">A file.</param>
    /// <exception cref="UnauthorizedAccessException">The caller does not own the file.</exception>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        File.SetUnixFileMode(path, FileMode);
    }
}
