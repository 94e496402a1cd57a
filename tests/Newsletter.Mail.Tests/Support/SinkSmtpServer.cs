// A fast in-process SMTP sink for throughput measurements: accepts everything, stores nothing.
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Newsletter.Mail.Tests.Support;

/// <summary>
/// Minimal pipelining SMTP server on loopback. Replies are buffered and flushed when the received data is used up,
/// so the replies to a pipelined batch go out together, as a real server does.
/// </summary>
public sealed class SinkSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _accept;
    private int _messages;
    private int _sessions;
    private int _maxSessions;

    public SinkSmtpServer(bool pipelining = true)
    {
        Pipelining = pipelining;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accept = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public bool Pipelining { get; }

    public int Messages => Volatile.Read(ref _messages);

    /// <summary>The highest number of sessions that were open at the same time.</summary>
    public int MaxConcurrentSessions => Volatile.Read(ref _maxSessions);

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception)
        {
            // Stopping the listener ends the accept loop with an exception.
        }

        _cts.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_cts.Token);
            socket.NoDelay = true;
            _ = Task.Run(() => SessionAsync(socket));
        }
    }

    private async Task SessionAsync(Socket socket)
    {
        int open = Interlocked.Increment(ref _sessions);
        int seen;
        while (open > (seen = Volatile.Read(ref _maxSessions)) && Interlocked.CompareExchange(ref _maxSessions, open, seen) != seen)
        {
        }

        try
        {
            await RunSessionAsync(socket);
        }
        finally
        {
            Interlocked.Decrement(ref _sessions);
        }
    }

    private async Task RunSessionAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket);
        var output = new MemoryStream();
        var buffer = new byte[256 * 1024];
        int start = 0, end = 0;
        bool inData = false;
        void Reply(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Reply("220 sink ESMTP\r\n");
        try
        {
            while (true)
            {
                if (output.Length > 0)
                {
                    await stream.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length), _cts.Token);
                    output.SetLength(0);
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(end), _cts.Token);
                if (read == 0)
                {
                    return;
                }

                end += read;
                while (true)
                {
                    int lf = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                    if (lf < 0)
                    {
                        break;
                    }

                    int length = lf - start + 1;
                    if (inData)
                    {
                        if (length == 3 && buffer[start] == '.')
                        {
                            inData = false;
                            Interlocked.Increment(ref _messages);
                            Reply("250 2.0.0 queued\r\n");
                        }
                    }
                    else
                    {
                        string line = Encoding.ASCII.GetString(buffer, start, length).TrimEnd();
                        string verb = line.Split(' ')[0].ToUpperInvariant();
                        switch (verb)
                        {
                            case "EHLO":
                                Reply(Pipelining ? "250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES\r\n" : "250-sink\r\n250 8BITMIME\r\n");
                                break;
                            case "DATA":
                                inData = true;
                                Reply("354 go\r\n");
                                break;
                            case "QUIT":
                                Reply("221 bye\r\n");
                                await stream.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length), _cts.Token);
                                return;
                            default:
                                Reply("250 2.0.0 ok\r\n");
                                break;
                        }
                    }

                    start = lf + 1;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // The client went away or the sink is stopping.
        }
    }
}
