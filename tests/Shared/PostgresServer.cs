// One running postgres process of a throwaway cluster: started on a free port, waited for, stopped by its PID.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NUnit.Framework;

namespace Newsletter.Testing;

internal sealed class PostgresServer : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PostgresServer(Process process, int port)
    {
        _process = process;
        Port = port;
        // Read both streams as they come: a full pipe would stop the server at its next log line.
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>The TCP port the server listens on, at 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The postmaster's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the server has written so far.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>
    /// Starts <c>postgres</c> on <paramref name="dataDirectory"/> and returns once <paramref name="canLogIn"/>
    /// succeeds on its port; fails the test with the server's log if it exits or is not ready within 30 seconds.
    /// </summary>
    // Another process may take the free port before the server binds it: then it tries again on another one.
    public static PostgresServer Start(ServerAccount account, string bin, string dataDirectory, string socketDirectory, Func<int, bool> canLogIn)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Next();
            var server = new PostgresServer(Process.Start(account.Start(Path.Combine(bin, "postgres"), Path.GetDirectoryName(dataDirectory)!,
                "-D", dataDirectory, "-p", port.ToString(CultureInfo.InvariantCulture),
                "-c", "listen_addresses=127.0.0.1", "-k", socketDirectory,
                // Nothing here needs to survive a crash, and without these every commit waits for the disk.
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200"))!, port);
            if (server.WaitUntilReady(canLogIn)) return server;
            var log = server.Log;
            var exitCode = server._process.ExitCode;
            server.Dispose();
            if (!log.Contains("Address already in use", StringComparison.Ordinal) || attempt == 3)
                Assert.Fail($"postgres exited ({exitCode}) on port {port}:\n{log}");
        }
    }

    /// <summary>Stops the server: fast shutdown by SIGINT, SIGKILL if it has not ended after 10 seconds.</summary>
    // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them, as SIGTERM would.
    public void Dispose()
    {
        using (_process)
        {
            if (_process.HasExited) return;
            ServerAccount.Run("kill", "-INT", _process.Id.ToString(CultureInfo.InvariantCulture));
            if (_process.WaitForExit(StopTimeout)) return;
            _process.Kill();
            _process.WaitForExit();
        }
    }

    // True once a login succeeds; false if the server exited; fails the test if it does neither in time.
    private bool WaitUntilReady(Func<int, bool> canLogIn)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // lets the last log lines arrive
                return false;
            }
            if (canLogIn(Port)) return true;
            Thread.Sleep(50);
        }
        var log = Log;
        Dispose();
        Assert.Fail($"postgres did not accept connections on 127.0.0.1:{Port} within {ReadyTimeout.TotalSeconds} s:\n{log}");
        return false;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}
