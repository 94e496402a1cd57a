// Runs the `newsletter` command: in this process for what it prints and changes, or as a child process where the
// process itself is what is tested (exit codes of the real binary, signals, kill -9, servers, pipes).
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Newsletter.Cli;

namespace Newsletter.Integration.Tests.Support;

public sealed record CliResult(int ExitCode, string Output, string Error);

public static class NewsletterCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "Newsletter.Cli.dll");

    /// <summary>Runs the command in this process, as a user would in <paramref name="workingDirectory"/>.</summary>
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the command in this process with <paramref name="environment"/> over this process's variables.</summary>
    public static CliResult Run(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        RunInProcess(workingDirectory, environment, null, args);

    /// <summary>Runs the command in this process with <paramref name="input"/> on its standard input, as an MTA pipe would.</summary>
    public static CliResult RunWithInput(string workingDirectory, string input, params string[] args) =>
        RunInProcess(workingDirectory, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(input), args);

    /// <summary>Runs the real <c>dotnet Newsletter.Cli.dll</c> to its end, for what only the process shows.</summary>
    public static CliResult RunProcess(string workingDirectory, params string[] args) =>
        RunProcess(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the real <c>dotnet Newsletter.Cli.dll</c> to its end with <paramref name="environment"/> added to its own.</summary>
    public static CliResult RunProcess(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"newsletter {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts the real command as a child process (a server to stop, a send to kill).</summary>
    public static Process Start(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in Environment(workingDirectory, environment)) start.Environment[key] = value;
        return Process.Start(start)!;
    }

    private static CliResult RunInProcess(string workingDirectory, IDictionary<string, string> environment, byte[]? input, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var stdin = input is null ? null : new MemoryStream(input);
        using var stop = new CancellationTokenSource();
        var variables = Environment(workingDirectory, environment);
        // Synchronized: a send's workers report progress from several threads, as they would to a real pipe.
        var run = Task.Run(() => CliApp.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), stdin,
            variables, workingDirectory, stop.Token));
        if (!run.Wait(Limit))
        {
            stop.Cancel();
            Assert.Fail($"newsletter {string.Join(' ', args)} did not finish in 2 minutes");
        }
        // A process's connections end with it; pooled ones here would hold the workspace's database open.
        SqliteConnection.ClearAllPools();
        return new CliResult(run.Result, output.ToString(), error.ToString());
    }

    private static Dictionary<string, string?> Environment(string workingDirectory, IDictionary<string, string> environment)
    {
        // Each workspace gets its own key file location, so no test touches the user's real configuration.
        var variables = new Dictionary<string, string?>
        {
            ["XDG_CONFIG_HOME"] = Path.Combine(workingDirectory, ".config"),
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in environment) variables[key] = value;
        return variables;
    }
}
