// A fixed-size set of reusable SMTP sessions for sending many messages concurrently.
using System.Collections.Concurrent;

namespace Newsletter.Mail.Smtp;

/// <summary>
/// Up to <see cref="MaxConnections"/> SMTP sessions, each reused for many messages. Callers may call
/// <see cref="SendAsync"/> concurrently; beyond <see cref="MaxConnections"/> calls wait for a free session.
/// </summary>
/// <remarks>
/// Sessions are opened lazily. A session that breaks (dropped connection, 421 "closing channel") is discarded; the
/// message is then tried once more on a fresh session. Refusals inside a transaction (a rejected recipient, a refused
/// DATA) only affect that message: the session is reset by the client and stays in the pool.
/// </remarks>
public sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpClientOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpClient> _idle = new();
    private volatile bool _disposed;

    /// <summary>Creates a pool; no connection is opened until the first send.</summary>
    /// <param name="options">Settings for every session; validated here.</param>
    /// <param name="maxConnections">Maximum simultaneous sessions, 1 or more (servers often allow 5 to 20 per client).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConnections"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SmtpConnectionPool(SmtpClientOptions options, int maxConnections)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        options.Validate();
        _options = options;
        MaxConnections = maxConnections;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    /// <summary>The maximum number of simultaneous sessions.</summary>
    public int MaxConnections { get; }

    /// <summary>The number of open sessions currently idle in the pool.</summary>
    public int IdleConnections => _idle.Count;

    /// <summary>Sends one message on a pooled session; see <see cref="SmtpClient.SendAsync"/>.</summary>
    /// <param name="envelopeFrom">The reverse-path (bounce address).</param>
    /// <param name="recipients">Forward-paths, at least one.</param>
    /// <param name="message">The RFC 5322 message bytes.</param>
    /// <param name="ct">Cancels waiting for a session and the send itself.</param>
    /// <returns>The transaction outcome, including refused recipients.</returns>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="ArgumentException">No recipients, or an address is malformed.</exception>
    /// <exception cref="SmtpException">Connecting failed, or the send failed again on a fresh session after a broken one, or a non-retryable failure such as MessageTooLarge.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<SmtpSendResult> SendAsync(string envelopeFrom, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> message, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                var client = RentClient();
                try
                {
                    if (!client.IsConnected)
                    {
                        await client.ConnectAsync(ct).ConfigureAwait(false);
                    }

                    var result = await client.SendAsync(envelopeFrom, recipients, message, ct).ConfigureAwait(false);
                    await ReturnClientAsync(client).ConfigureAwait(false);
                    return result;
                }
                catch (SmtpException ex) when (attempt == 0 && IsBrokenSession(ex))
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }
                catch
                {
                    await ReturnClientAsync(client).ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Sends QUIT on idle sessions and closes them; sessions in use are closed when their send finishes.</summary>
    /// <returns>A task that completes when idle sessions are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryPop(out var client))
        {
            await QuitQuietlyAsync(client).ConfigureAwait(false);
        }
    }

    // Failures that say "this session is gone" rather than "this message is bad"; a timeout is not retried because
    // the server may still have taken the message.
    private static bool IsBrokenSession(SmtpException ex) =>
        ex.Kind == SmtpErrorKind.ConnectionLost || (ex.Kind == SmtpErrorKind.TransientReply && ex.Reply?.Code == 421);

    private SmtpClient RentClient() => _idle.TryPop(out var client) ? client : new SmtpClient(_options);

    private async ValueTask ReturnClientAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            return;
        }

        if (_disposed)
        {
            await QuitQuietlyAsync(client).ConfigureAwait(false);
            return;
        }

        _idle.Push(client);

        // Disposal may have drained the stack between the check above and the push.
        if (_disposed && _idle.TryPop(out var late))
        {
            await QuitQuietlyAsync(late).ConfigureAwait(false);
        }
    }

    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.DisconnectAsync(cts.Token).ConfigureAwait(false);
        await client.DisposeAsync().ConfigureAwait(false);
    }
}
