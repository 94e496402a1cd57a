// The operating-system account a throwaway server runs as, and how to start a program as it.
using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;

namespace Newsletter.Testing;

internal sealed class ServerAccount
{
    // Only root can, and must, hand the server to someone else; anyone else runs it as themselves.
    private readonly bool _switchUser;
    private readonly int _uid;
    private readonly int _gid;

    private ServerAccount(string name, bool switchUser)
    {
        Name = name;
        _switchUser = switchUser;
        if (!switchUser) return;
        _uid = Id("-u");
        _gid = Id("-g");
    }

    /// <summary>The account's user name.</summary>
    public string Name { get; }

    /// <summary>
    /// As root: the <c>postgres</c> system user Debian's package makes, else <c>nobody</c>, since PostgreSQL
    /// refuses to run as root. As anyone else: that user itself.
    /// </summary>
    public static ServerAccount ForPostgres()
    {
        if (Environment.UserName != "root") return new ServerAccount(Environment.UserName, switchUser: false);
        return new ServerAccount(Run("id", "-u", "postgres").ExitCode == 0 ? "postgres" : "nobody", switchUser: true);
    }

    /// <summary>Gives the account everything under <paramref name="path"/>.</summary>
    public void Own(string path)
    {
        if (!_switchUser) return;
        var (exitCode, output) = Run("chown", "-R", $"{_uid}:{_gid}", path);
        if (exitCode != 0) Assert.Fail($"could not give {path} to {Name}: {output}");
    }

    /// <summary>Start information for <paramref name="file"/> running as this account, with its output captured.</summary>
    // setpriv execs the program in its own process, so the PID the caller keeps is the program's own and a
    // signal sent to it reaches the program; runuser would stay in between as a parent and turn signals into SIGTERM.
    public ProcessStartInfo Start(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(_switchUser ? "setpriv" : file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var switchArgs = _switchUser
            ? new[] { $"--reuid={_uid}", $"--regid={_gid}", "--init-groups", "--", file }
            : [];
        foreach (var arg in switchArgs.Concat(args)) start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>Runs a short program to its end and returns its exit code and its output and errors together.</summary>
    public static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Run(start);
    }

    /// <inheritdoc cref="Run(string, string[])"/>
    public static (int ExitCode, string Output) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + errors.Result);
    }

    private int Id(string option)
    {
        var (exitCode, output) = Run("id", option, Name);
        if (exitCode != 0) Assert.Fail($"no account {Name}: {output}");
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
