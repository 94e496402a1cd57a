// The environment one run of the product reads: its variables and the folder relative paths start from.
namespace Newsletter.Configuration;

/// <summary>
/// Environment variables and the working folder of one run. A run started as its own process reads the process's;
/// a host that runs several commands in one process (the integration tests) gives each its own, and every read of a
/// variable or resolution of a relative path in the product goes through <see cref="Current"/>.
/// </summary>
public sealed class RunEnvironment
{
    private static readonly AsyncLocal<RunEnvironment?> CurrentRun = new();

    private readonly string? _workingDirectory;
    private readonly IReadOnlyDictionary<string, string?> _variables;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _given = new(StringComparer.Ordinal);

    /// <summary>A run in <paramref name="workingDirectory"/> with <paramref name="variables"/> over the process's own.</summary>
    /// <param name="workingDirectory">An absolute folder that relative paths are resolved against.</param>
    /// <param name="variables">Variables that replace the process's; a null value unsets one.</param>
    /// <exception cref="ArgumentException"><paramref name="workingDirectory"/> is not absolute.</exception>
    public RunEnvironment(string workingDirectory, IReadOnlyDictionary<string, string?> variables)
    {
        if (!Path.IsPathRooted(workingDirectory)) throw new ArgumentException("the working folder must be absolute", nameof(workingDirectory));
        _workingDirectory = workingDirectory;
        _variables = variables;
    }

    private RunEnvironment() => _variables = new Dictionary<string, string?>();

    /// <summary>The process's own variables and current folder.</summary>
    public static RunEnvironment Process { get; } = new();

    /// <summary>The environment of the run on this async flow: the one <see cref="Use"/> set, else <see cref="Process"/>.</summary>
    public static RunEnvironment Current => CurrentRun.Value ?? Process;

    /// <summary>Makes <paramref name="environment"/> current for the calling async flow and everything it starts.</summary>
    /// <remarks>Set inside an async method, it lasts until that method returns; its caller keeps its own.</remarks>
    public static void Use(RunEnvironment environment) => CurrentRun.Value = environment;

    /// <summary>The folder relative paths start from.</summary>
    public string WorkingDirectory => _workingDirectory ?? Directory.GetCurrentDirectory();

    /// <summary>The overrides this run has over the process's variables (none for <see cref="Process"/>).</summary>
    public IReadOnlyDictionary<string, string?> Overrides => _variables;

    /// <summary>The value of the variable <paramref name="name"/>, or null when it is not set.</summary>
    public string? Variable(string name) =>
        _variables.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

    /// <summary><paramref name="path"/> made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>
    /// <paramref name="path"/>, a path a person typed, made absolute against <see cref="WorkingDirectory"/>; messages
    /// about the file still name it as typed (<see cref="AsGiven"/>).
    /// </summary>
    public string FullPathOfArgument(string path)
    {
        var full = FullPath(path);
        if (full != path) _given.TryAdd(full, path);
        return full;
    }

    /// <summary>A path as the person typed it when it came from <see cref="FullPathOfArgument"/>, else unchanged.</summary>
    public string AsGiven(string path) => _given.TryGetValue(path, out var given) ? given : path;

    /// <summary>A file as messages name it: relative to the working folder when inside it, else as given.</summary>
    public string Display(string file)
    {
        if (!Path.IsPathRooted(file)) return file;
        var relative = Path.GetRelativePath(WorkingDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
