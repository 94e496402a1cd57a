// A fake SMTP server on loopback that replays a recorded conversation and checks what the client sends.
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Newsletter.Integration.Tests.Peers;

/// <summary>
/// Replays a script of <c>S: line</c> (server sends) and <c>C: line</c> (client must send exactly this) lines.
/// <c>C: &lt;DATA&gt;</c> reads message content up to CRLF.CRLF and records it; <c>!close</c> drops the connection; <c>!hang</c> stops reading and answering;
/// <c>S*: line</c> sends the line one octet at a time; <c>=== connection</c> starts the part of the script for the next accepted connection; <c>#</c> starts a comment.
/// Consecutive <c>C:</c> lines are read before anything is answered, so a script that lists MAIL, RCPT and DATA
/// before their replies only passes when the client pipelines.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<List<string>> _connections;
    private readonly Task _run;
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(20));

    public ScriptedSmtpServer(string script)
    {
        _connections = Parse(script);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _run = Task.Run(RunAsync);
    }

    public static ScriptedSmtpServer FromFile(string name) =>
        new(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Delivery", "Smtp", "Scripts", name)));

    public int Port { get; }

    public List<string> Errors { get; } = [];

    /// <summary>Message contents received after DATA, still dot-stuffed, without the final ".CRLF".</summary>
    public List<string> Data { get; } = [];

    /// <summary>Waits for the script to finish and fails the test if the client deviated from it.</summary>
    public async Task AssertCompletedAsync()
    {
        await _run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(Errors, Is.Empty, "The client deviated from the recorded conversation.");
    }

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        _listener.Stop();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The run loop ends with cancellation or socket errors; its findings are in Errors.
        }

        _cts.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            foreach (var lines in _connections)
            {
                using var socket = await _listener.AcceptSocketAsync(_cts.Token);
                socket.NoDelay = true;
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var reader = new LineReader(stream);
                if (!await PlayAsync(lines, stream, reader))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            lock (Errors)
            {
                Errors.Add("Server stopped early: " + ex.Message);
            }
        }
    }

    private async Task<bool> PlayAsync(List<string> lines, NetworkStream stream, LineReader reader)
    {
        foreach (string line in lines)
        {
            if (line == "!close")
            {
                return true;
            }

            if (line == "!hang")
            {
                // Keep the connection open without reading or answering until the server is disposed.
                await Task.Delay(Timeout.Infinite, _cts.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return false;
            }

            if (line.StartsWith("S*: ", StringComparison.Ordinal))
            {
                // Trickled one octet per write, so the client sees lines (and UTF-8 sequences) split across reads.
                foreach (byte b in Encoding.UTF8.GetBytes(line[4..] + "\r\n"))
                {
                    await stream.WriteAsync(new[] { b }, _cts.Token);
                    await stream.FlushAsync(_cts.Token);
                    await Task.Delay(1, _cts.Token);
                }

                continue;
            }

            if (line.StartsWith("S: ", StringComparison.Ordinal) || line == "S:")
            {
                // A literal "\r\n" in a server line sends two replies in one segment.
                string text = line[Math.Min(3, line.Length)..].Replace("\\r\\n", "\r\n", StringComparison.Ordinal);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text + "\r\n"), _cts.Token);
                continue;
            }

            string expected = line[3..];
            if (expected == "<DATA>")
            {
                var data = new StringBuilder();
                while (true)
                {
                    string? dataLine = await reader.ReadLineAsync(_cts.Token);
                    if (dataLine is null || dataLine == ".")
                    {
                        break;
                    }

                    data.Append(dataLine).Append("\r\n");
                }

                Data.Add(data.ToString());
                continue;
            }

            string? actual = await reader.ReadLineAsync(_cts.Token);
            if (actual != expected)
            {
                Errors.Add($"Expected client line '{expected}' but got '{actual ?? "<connection closed>"}'.");
                return false;
            }
        }

        return true;
    }

    private static List<List<string>> Parse(string script)
    {
        var result = new List<List<string>> { new() };
        foreach (string raw in script.Replace("\r\n", "\n").Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("===", StringComparison.Ordinal))
            {
                result.Add([]);
                continue;
            }

            if (!(line.StartsWith("S:", StringComparison.Ordinal) || line.StartsWith("S*: ", StringComparison.Ordinal) || line.StartsWith("C: ", StringComparison.Ordinal) || line == "!close" || line == "!hang"))
            {
                throw new FormatException($"Bad script line: '{line}'.");
            }

            result[^1].Add(line);
        }

        result.RemoveAll(c => c.Count == 0);
        return result;
    }

    /// <summary>Reads CRLF-terminated lines and reports a bare LF as an error of the client.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[65536];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new List<byte>();
            while (true)
            {
                for (; _start < _end; _start++)
                {
                    byte b = _buffer[_start];
                    if (b == '\n')
                    {
                        _start++;
                        if (line.Count == 0 || line[^1] != '\r')
                        {
                            return "<bare LF>";
                        }

                        return Encoding.UTF8.GetString(line.ToArray(), 0, line.Count - 1);
                    }

                    line.Add(b);
                }

                _start = 0;
                _end = await stream.ReadAsync(_buffer, ct);
                if (_end == 0)
                {
                    return null;
                }
            }
        }
    }
}
