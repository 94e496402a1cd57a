// Runs the real `newsletter` command in a child process, as a user or a cron job would.
using System.Diagnostics;

namespace Newsletter.Integration.Tests.Support;

public sealed record CliResult(int ExitCode, string Output, string Error);

public static class NewsletterCli
{
    private static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "Newsletter.Cli.dll");

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    public static CliResult Run(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"newsletter {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs the command with <paramref name="input"/> on its standard input, as an MTA pipe would.</summary>
    public static CliResult RunWithInput(string workingDirectory, string input, params string[] args)
    {
        using var process = Start(workingDirectory, new Dictionary<string, string>(), args, redirectInput: true);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"newsletter {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    public static Process Start(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        Start(workingDirectory, environment, args, redirectInput: false);

    private static Process Start(string workingDirectory, IDictionary<string, string> environment, string[] args, bool redirectInput)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Each workspace gets its own key file location, so no test touches the user's real configuration.
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(workingDirectory, ".config");
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start)!;
    }
}
