// A fixed number of reusable MailKit SMTP connections for sending many messages at once.
using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Newsletter.Delivery.Messages;

namespace Newsletter.Delivery.Smtp;

/// <summary>
/// Up to <see cref="MaxConnections"/> SMTP connections, each reused for many messages; callers may call
/// <see cref="SendAsync"/> concurrently and wait for a free connection beyond that.
/// </summary>
/// <remarks>
/// Connections open lazily on a socket with <see cref="Socket.NoDelay"/> set: without it each message waits about
/// 40 ms for the server's delayed ACK of MailKit's small command writes. A refusal inside a transaction (a refused
/// recipient, a refused DATA) affects only that message: MailKit sends RSET and the connection stays. A connection
/// that breaks (dropped, or 421 "closing channel") is discarded and the message tried once more on a fresh one; a
/// time-out is not retried, because the server may have taken the message.
/// </remarks>
public sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpEndpoint _endpoint;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpClient> _idle = new();
    private volatile bool _disposed;

    /// <summary>Creates a pool; nothing connects until the first send.</summary>
    /// <param name="endpoint">Where and how every connection connects.</param>
    /// <param name="maxConnections">Simultaneous connections, 1 or more (servers often allow 5 to 20 per client).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConnections"/> is less than 1.</exception>
    public SmtpConnectionPool(SmtpEndpoint endpoint, int maxConnections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        _endpoint = endpoint;
        MaxConnections = maxConnections;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    /// <summary>The most connections open at once.</summary>
    public int MaxConnections { get; }

    /// <summary>Open connections waiting for a message.</summary>
    public int IdleConnections => _idle.Count;

    /// <summary>Sends <paramref name="message"/> as it is, in the <see cref="WireFormat"/>, on a pooled connection.</summary>
    /// <param name="message">The finished message; serialised once, straight onto the connection.</param>
    /// <param name="sender">The envelope sender (MAIL FROM).</param>
    /// <param name="recipient">The one envelope recipient (RCPT TO).</param>
    /// <param name="cancellationToken">Cancels waiting for a connection and the send itself.</param>
    /// <exception cref="SmtpCommandException">The server refused MAIL, RCPT or DATA (4xx or 5xx).</exception>
    /// <exception cref="SmtpProtocolException">The connection broke twice, or in a way MailKit could not read.</exception>
    /// <exception cref="AuthenticationException">The server refused the credentials.</exception>
    /// <exception cref="SslHandshakeException">TLS could not be negotiated or the certificate is not valid.</exception>
    /// <exception cref="NotSupportedException">The server lacks STARTTLS or AUTH that the settings require.</exception>
    /// <exception cref="IOException">The connection failed.</exception>
    /// <exception cref="SocketException">The server could not be reached.</exception>
    /// <exception cref="TimeoutException">Connecting took longer than the endpoint's time-out.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public async Task SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var client = await RentAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await client.SendAsync(WireFormat.Options, message, sender, [recipient], cancellationToken).ConfigureAwait(false);
                    await ReturnAsync(client).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (IsBroken(e))
                {
                    await DiscardAsync(client).ConfigureAwait(false);
                    if (attempt > 0 || IsTimeout(e)) throw;
                }
                catch
                {
                    await ReturnAsync(client).ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Says QUIT on idle connections and closes them; connections in use close when their send ends.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryPop(out var client)) await DiscardAsync(client, quit: true).ConfigureAwait(false);
    }

    private async Task<SmtpClient> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryPop(out var idle))
        {
            if (idle.IsConnected) return idle;
            await DiscardAsync(idle).ConfigureAwait(false);
        }
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SinglePassSmtpClient(_endpoint.ProtocolLog?.ForConnection() ?? new NullProtocolLogger())
        {
            Timeout = (int)_endpoint.Timeout.TotalMilliseconds,
        };
        if (_endpoint.LocalDomain is { } localDomain) client.LocalDomain = localDomain;
        if (_endpoint.AllowInvalidCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_endpoint.Timeout);
                try
                {
                    await socket.ConnectAsync(_endpoint.Host, _endpoint.Port, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"connecting to {_endpoint} took over {_endpoint.Timeout.TotalSeconds:0} s");
                }
            }
            await client.ConnectAsync(socket, _endpoint.Host, _endpoint.Port, SocketOptions(_endpoint.Security), cancellationToken).ConfigureAwait(false);
            if (_endpoint.Authentication is { } authentication)
                await authentication.AuthenticateAsync(client, cancellationToken).ConfigureAwait(false);
            // Addresses go out in their ASCII form (IDNs as punycode), which every server takes; with SMTPUTF8 on,
            // MailKit would turn punycode domains back into Unicode in MAIL FROM and RCPT TO.
            client.Capabilities &= ~SmtpCapabilities.UTF8;
            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    // Failures that say "this connection is gone" rather than "this message was refused".
    private static bool IsBroken(Exception e) =>
        e is SmtpProtocolException or IOException or ServiceNotConnectedException
        || e is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private static bool IsTimeout(Exception e) =>
        e is TimeoutException || e.InnerException is TimeoutException or SocketException { SocketErrorCode: SocketError.TimedOut };

    private async ValueTask ReturnAsync(SmtpClient client)
    {
        if (!client.IsConnected || _disposed)
        {
            await DiscardAsync(client, quit: client.IsConnected).ConfigureAwait(false);
            return;
        }
        _idle.Push(client);
        // Disposal may have emptied the stack between the check above and the push.
        if (_disposed && _idle.TryPop(out var late)) await DiscardAsync(late, quit: true).ConfigureAwait(false);
    }

    private static async ValueTask DiscardAsync(SmtpClient client, bool quit = false)
    {
        try
        {
            if (client.IsConnected)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit, limit.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException or SocketException)
        {
            // The connection is being thrown away; how it ends does not matter.
        }
        finally
        {
            client.Dispose();
        }
    }
}
