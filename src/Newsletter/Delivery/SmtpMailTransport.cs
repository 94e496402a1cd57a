// Sends through an SMTP server with a pool of reused connections, mapping replies onto delivery outcomes.
using Newsletter.Configuration;
using Newsletter.Mail.Mime;
using Newsletter.Mail.Smtp;

namespace Newsletter.Delivery;

/// <summary>
/// The <c>smtp://HOST:PORT</c> transport: an <see cref="SmtpConnectionPool"/> of <see cref="SmtpSettings.Connections"/>
/// connections. Replies are classified by enhanced status code (RFC 3463): 2xx accepted, 5xx rejected (a hard
/// bounce, only when the recipient itself is refused), throttling replies (421/451/452/454, 4.7.x) throttled, other
/// 4xx and broken connections deferred.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly SmtpConnectionPool _pool;

    /// <summary>Creates the transport; nothing connects until the first send.</summary>
    /// <param name="host">Server host name or address.</param>
    /// <param name="port">Server port.</param>
    /// <param name="settings">Security, user name, connection count and timeout.</param>
    /// <param name="password">Password for AUTH, from the environment; never logged.</param>
    /// <exception cref="ArgumentException">The security setting is not none, starttls or tls.</exception>
    public SmtpMailTransport(string host, int port, SmtpSettings settings, string? password)
    {
        var options = new SmtpClientOptions
        {
            Host = host,
            Port = port,
            Security = settings.Security.ToLowerInvariant() switch
            {
                "none" => SmtpSecurity.None,
                "starttls" => SmtpSecurity.StartTls,
                "tls" => SmtpSecurity.Tls,
                _ => throw new ArgumentException($"smtp.security must be none, starttls or tls, not '{settings.Security}'"),
            },
            UserName = string.IsNullOrWhiteSpace(settings.Username) ? null : settings.Username,
            Password = password,
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        if (settings.AllowInvalidCertificate) options.CertificateValidation = (_, _, _, _) => true;
        Concurrency = Math.Max(1, settings.Connections);
        _pool = new SmtpConnectionPool(options, Concurrency);
        Description = $"smtp {host}:{port} ({settings.Security}, {Concurrency} connection(s))";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int Concurrency { get; }

    /// <inheritdoc />
    public async Task<TransportResult> SendAsync(string envelopeFrom, string recipient, EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _pool.SendAsync(envelopeFrom, [recipient], MimeWriter.ToBytes(message), cancellationToken);
            // Only a 5xx on RCPT is the recipient's hard bounce; a 5xx on MAIL or DATA is about us or the content.
            if (result.RejectedRecipients.FirstOrDefault() is { } rejected)
                return new TransportResult(OutcomeOf(SmtpReplyClassifier.Classify(rejected.Reply), recipientRefused: true), rejected.Reply.ToString());
            return result.Classification == SmtpReplyClass.Success
                ? TransportResult.Accepted
                : new TransportResult(OutcomeOf(result.Classification, recipientRefused: false), result.ToString());
        }
        catch (SmtpException e)
        {
            // Connection, TLS and authentication failures are never a subscriber's bounce: defer, and let repeated
            // deferrals pause the send with this reason.
            return new TransportResult(OutcomeOf(SmtpReplyClassifier.Classify(e), recipientRefused: false), e.Message);
        }
    }

    private static TransportOutcome OutcomeOf(SmtpReplyClass replyClass, bool recipientRefused) => replyClass switch
    {
        SmtpReplyClass.Success => TransportOutcome.Accepted,
        SmtpReplyClass.Throttled => TransportOutcome.Throttled,
        SmtpReplyClass.PermanentFailure when recipientRefused => TransportOutcome.Rejected,
        _ => TransportOutcome.Deferred,
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _pool.DisposeAsync();
}
