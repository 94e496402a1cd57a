// The byte stream under an SMTP session: TCP socket, optional TLS, and a time limit on every operation.
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Newsletter.Mail.Smtp;

/// <summary>
/// Owns the socket and stream. Every connect, read, write and handshake runs under <c>timeout</c>; a failure of any
/// kind marks the transport broken, since the SMTP dialogue can no longer be trusted to be in step.
/// </summary>
internal sealed class SmtpTransport : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly TimeSpan _timeout;
    private Stream _stream;

    private SmtpTransport(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public bool IsBroken { get; private set; }

    public bool IsEncrypted => _stream is SslStream;

    /// <summary>Marks the session unusable, e.g. after a 421 reply announcing that the server closes the channel.</summary>
    public void MarkBroken() => IsBroken = true;

    /// <exception cref="SmtpException">ConnectionFailed or Timeout.</exception>
    public static async Task<SmtpTransport> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            await socket.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            return new SmtpTransport(socket, timeout);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SmtpException(SmtpErrorKind.Timeout, $"Connecting to {host}:{port} timed out after {timeout.TotalSeconds:0.#} s.");
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new SmtpException(SmtpErrorKind.ConnectionFailed, $"Cannot connect to {host}:{port}: {ex.Message}", innerException: ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Runs the TLS client handshake over the current stream (implicit TLS or after STARTTLS).</summary>
    /// <exception cref="SmtpException">TlsFailed, ConnectionLost or Timeout.</exception>
    public async Task UpgradeToTlsAsync(SmtpClientOptions options, CancellationToken ct)
    {
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var auth = new SslClientAuthenticationOptions
        {
            TargetHost = options.Host,
            CertificateRevocationCheckMode = options.CheckCertificateRevocation
                ? System.Security.Cryptography.X509Certificates.X509RevocationMode.Online
                : System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = options.CertificateValidation,
        };
        try
        {
            using var cts = Linked(ct);
            await ssl.AuthenticateAsClientAsync(auth, cts.Token).ConfigureAwait(false);
            _stream = ssl;
        }
        catch (AuthenticationException ex)
        {
            IsBroken = true;
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new SmtpException(SmtpErrorKind.TlsFailed, $"TLS handshake with {options.Host} failed: {ex.Message}", innerException: ex);
        }
        catch (Exception ex) when (Translate(ex, ct) is { } smtp)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw smtp;
        }
    }

    /// <summary>Reads at least one byte.</summary>
    /// <exception cref="SmtpException">ConnectionLost (including end of stream) or Timeout.</exception>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct)
    {
        int read;
        try
        {
            using var cts = Linked(ct);
            read = await _stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, ct) is { } smtp)
        {
            throw smtp;
        }

        if (read == 0)
        {
            IsBroken = true;
            throw new SmtpException(SmtpErrorKind.ConnectionLost, "The server closed the connection.");
        }

        return read;
    }

    /// <summary>Writes and flushes all bytes.</summary>
    /// <exception cref="SmtpException">ConnectionLost or Timeout.</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        try
        {
            using var cts = Linked(ct);
            await _stream.WriteAsync(data, cts.Token).ConfigureAwait(false);
            await _stream.FlushAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, ct) is { } smtp)
        {
            throw smtp;
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        try
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or AuthenticationException)
        {
            // Closing a connection that is already broken can fail; there is nothing left to clean up.
        }

        _socket.Dispose();
    }

    private CancellationTokenSource Linked(CancellationToken ct)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(_timeout);
        return cts;
    }

    // Marks the transport broken and maps the exception; a cancellation requested by the caller passes through.
    private SmtpException? Translate(Exception ex, CancellationToken ct)
    {
        IsBroken = true;
        return ex switch
        {
            OperationCanceledException when ct.IsCancellationRequested => null,
            OperationCanceledException => new SmtpException(SmtpErrorKind.Timeout, $"No progress within {_timeout.TotalSeconds:0.#} s.", innerException: ex),
            IOException or SocketException or ObjectDisposedException =>
                new SmtpException(SmtpErrorKind.ConnectionLost, $"The connection was lost: {ex.Message}", innerException: ex),
            _ => null,
        };
    }
}
