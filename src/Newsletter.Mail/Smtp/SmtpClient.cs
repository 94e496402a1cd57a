// The SMTP client: opens a session (greeting, EHLO/HELO, STARTTLS, AUTH) and sends messages over it.
namespace Newsletter.Mail.Smtp;

/// <summary>
/// An SMTP client for one connection (RFC 5321), reused for many messages. Supports EHLO with HELO fallback,
/// STARTTLS (RFC 3207), implicit TLS (RFC 8314), AUTH PLAIN/LOGIN (RFC 4954), PIPELINING (RFC 2920), SIZE
/// (RFC 1870), 8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531) and enhanced status codes (RFC 3463).
/// </summary>
/// <remarks>
/// One operation at a time: the client is not safe for concurrent use (use <see cref="SmtpConnectionPool"/> for
/// parallel sending). After a failed transaction the client sends RSET so the connection can be reused.
/// </remarks>
public sealed class SmtpClient : IAsyncDisposable
{
    private readonly SmtpClientOptions _options;
    private SmtpChannel? _channel;
    private int _busy;

    /// <summary>Creates a client; nothing is connected until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Connection settings; validated here and not copied, so do not change them afterwards.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SmtpClient(SmtpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// True while a session is open and no failure has broken it, as far as the client knows: a server that closed an
    /// idle connection is only noticed by the next command, which then fails with <see cref="SmtpErrorKind.ConnectionLost"/>.
    /// </summary>
    public bool IsConnected => _channel is { IsBroken: false };

    /// <summary>True when the connection is protected by TLS.</summary>
    public bool IsEncrypted => _channel?.Transport.IsEncrypted == true;

    /// <summary>True once AUTH succeeded on this session.</summary>
    public bool IsAuthenticated { get; private set; }

    /// <summary>The extensions the server announced, or <see cref="SmtpCapabilities.None"/> before connecting and after HELO.</summary>
    public SmtpCapabilities Capabilities { get; private set; } = SmtpCapabilities.None;

    /// <summary>
    /// Connects, reads the greeting, sends EHLO (falling back to HELO when EHLO is refused with 5xx), upgrades with
    /// STARTTLS when configured, and authenticates when a user name is set.
    /// </summary>
    /// <param name="ct">Cancels the whole operation; the connection is then closed.</param>
    /// <exception cref="InvalidOperationException">Already connected.</exception>
    /// <exception cref="SmtpException">Any failure; the client is left disconnected.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task ConnectAsync(CancellationToken ct = default)
    {
        EnterBusy();
        try
        {
            if (IsConnected)
            {
                throw new InvalidOperationException("The client is already connected.");
            }

            await CloseChannelAsync().ConfigureAwait(false);
            var transport = await SmtpTransport.ConnectAsync(_options.Host, _options.Port, _options.Timeout, ct).ConfigureAwait(false);
            _channel = new SmtpChannel(transport);
            try
            {
                await OpenSessionAsync(_channel, ct).ConfigureAwait(false);
            }
            catch
            {
                await CloseChannelAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            ExitBusy();
        }
    }

    /// <summary>
    /// Sends one message in one mail transaction: MAIL FROM, RCPT TO for each recipient, DATA. With PIPELINING the
    /// three go out in a single write and the replies are read afterwards.
    /// </summary>
    /// <param name="envelopeFrom">The reverse-path (bounce address), e.g. <c>bounces@news.example.com</c>; empty for the null sender. IDN domains are sent in punycode.</param>
    /// <param name="recipients">Forward-paths, at least one.</param>
    /// <param name="message">
    /// The RFC 5322 message, e.g. from <see cref="Mime.MimeWriter.ToBytes"/>; dot-stuffed and CRLF-normalised on the
    /// way. Its length is declared with SIZE (RFC 1870) when offered; 8-bit content is declared BODY=8BITMIME when the
    /// server offers 8BITMIME (and sent as is otherwise). Non-ASCII envelope local parts add SMTPUTF8.
    /// </param>
    /// <param name="ct">Cancels the send; the connection is then closed because its state is unknown.</param>
    /// <returns>Per-recipient and DATA replies. Refusals inside the transaction are reported here, not thrown; RSET has already been sent for a failed transaction.</returns>
    /// <exception cref="ArgumentException">No recipients, or an address is malformed.</exception>
    /// <exception cref="InvalidOperationException">Not connected.</exception>
    /// <exception cref="SmtpException">
    /// MessageTooLarge or NotSupported (nothing sent, connection still usable); TransientReply for 421 (connection
    /// closed); ConnectionLost, Timeout or ProtocolError (connection closed).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<SmtpSendResult> SendAsync(string envelopeFrom, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(envelopeFrom);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one recipient is required.", nameof(recipients));
        }

        EnterBusy();
        try
        {
            var channel = _channel is { IsBroken: false } c ? c : throw new InvalidOperationException("The client is not connected; call ConnectAsync first.");
            try
            {
                return await SmtpTransaction.RunAsync(channel, Capabilities, envelopeFrom, recipients, message, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not ArgumentException && channel.IsBroken)
            {
                await CloseChannelAsync().ConfigureAwait(false);
                throw;
            }
            catch (OperationCanceledException)
            {
                await CloseChannelAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            ExitBusy();
        }
    }

    /// <summary>Sends QUIT (RFC 5321 §4.1.1.10), reads its reply if possible, and closes the connection. Safe to call when not connected.</summary>
    /// <param name="ct">Cancels waiting for the QUIT reply; the connection is closed either way.</param>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async Task DisconnectAsync(CancellationToken ct = default)
    {
        EnterBusy();
        try
        {
            if (_channel is { IsBroken: false } channel)
            {
                try
                {
                    await channel.CommandAsync("QUIT", ct).ConfigureAwait(false);
                }
                catch (SmtpException)
                {
                    // The server may drop the line before answering QUIT; the session is over either way.
                }
                catch (OperationCanceledException)
                {
                }
            }

            await CloseChannelAsync().ConfigureAwait(false);
        }
        finally
        {
            ExitBusy();
        }
    }

    /// <summary>Closes the connection without QUIT.</summary>
    /// <returns>A task that completes when the socket is closed.</returns>
    public async ValueTask DisposeAsync() => await CloseChannelAsync().ConfigureAwait(false);

    private async Task OpenSessionAsync(SmtpChannel channel, CancellationToken ct)
    {
        if (_options.Security == SmtpSecurity.Tls)
        {
            await channel.Transport.UpgradeToTlsAsync(_options, ct).ConfigureAwait(false);
        }

        var greeting = await channel.ReadReplyAsync(ct).ConfigureAwait(false);
        if (greeting.Code != 220)
        {
            throw SmtpException.FromReply("Greeting", greeting);
        }

        Capabilities = await HelloAsync(channel, allowHelo: true, ct).ConfigureAwait(false);
        if (_options.Security == SmtpSecurity.StartTls)
        {
            if (!Capabilities.StartTls)
            {
                throw new SmtpException(SmtpErrorKind.NotSupported, $"{_options.Host} does not offer STARTTLS, which the options require.");
            }

            var reply = await channel.CommandAsync("STARTTLS", ct).ConfigureAwait(false);
            if (reply.Code != 220)
            {
                throw SmtpException.FromReply("STARTTLS", reply);
            }

            // Anything already received would be plaintext injected before the handshake (RFC 3207 §5 attack).
            if (channel.Reader.HasBufferedData)
            {
                throw new SmtpException(SmtpErrorKind.ProtocolError, "The server sent data after accepting STARTTLS.");
            }

            await channel.Transport.UpgradeToTlsAsync(_options, ct).ConfigureAwait(false);

            // Everything learnt before TLS is discarded (RFC 3207 §4.2).
            Capabilities = await HelloAsync(channel, allowHelo: false, ct).ConfigureAwait(false);
        }

        if (_options.UserName is not null)
        {
            if (!channel.Transport.IsEncrypted && !_options.AllowAuthenticationWithoutTls)
            {
                throw new SmtpException(SmtpErrorKind.NotSupported, "Refusing to send credentials without TLS; use StartTls or Tls security.");
            }

            await SmtpAuthenticator.AuthenticateAsync(channel, Capabilities, _options.UserName, _options.Password ?? "", ct).ConfigureAwait(false);
            IsAuthenticated = true;
        }
    }

    private async Task<SmtpCapabilities> HelloAsync(SmtpChannel channel, bool allowHelo, CancellationToken ct)
    {
        var reply = await channel.CommandAsync("EHLO " + _options.LocalDomain, ct).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            return SmtpCapabilities.Parse(reply);
        }

        // Servers that predate ESMTP answer EHLO with 500/502 (RFC 5321 §3.2); 421 and 4xx are not a reason to fall back.
        if (allowHelo && reply.IsPermanent)
        {
            var helo = await channel.CommandAsync("HELO " + _options.LocalDomain, ct).ConfigureAwait(false);
            if (helo.IsSuccess)
            {
                return SmtpCapabilities.None;
            }

            throw SmtpException.FromReply("HELO", helo);
        }

        throw SmtpException.FromReply("EHLO", reply);
    }

    private async ValueTask CloseChannelAsync()
    {
        var channel = _channel;
        _channel = null;
        IsAuthenticated = false;
        Capabilities = SmtpCapabilities.None;
        if (channel is not null)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void EnterBusy()
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("SmtpClient does not support concurrent operations; use one client per task or SmtpConnectionPool.");
        }
    }

    private void ExitBusy() => Volatile.Write(ref _busy, 0);

}
