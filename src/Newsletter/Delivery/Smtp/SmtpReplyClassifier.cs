// Maps what MailKit throws for a refused or failed send onto the send loop's outcomes.
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Newsletter.Delivery.Transports;

namespace Newsletter.Delivery.Smtp;

/// <summary>
/// Classifies a failed send by where it failed and by its enhanced status code (RFC 3463), never by its text
/// alone:
/// <list type="bullet">
/// <item>421, 451, 452, 454 and any 4.7.x are <see cref="TransportOutcome.Throttled"/>; other 4xx, dropped
/// connections, time-outs and refused connections are <see cref="TransportOutcome.Deferred"/>.</item>
/// <item>A 5xx on RCPT is the recipient's hard bounce (<see cref="TransportOutcome.Rejected"/>) when its code says
/// the address or mailbox is bad (5.1.x but 5.1.7/5.1.8, 5.2.x but 5.2.2, 5.4.x, 5.0.0, or no code);
/// 5.2.2 (mailbox full) is deferred.</item>
/// <item>Everything that is about us rather than the recipient is <see cref="TransportOutcome.Blocked"/>:
/// 5.7.x (relay denied, policy), 5.3.x, 5.5.x, 5.6.x, sender codes 5.1.7/5.1.8, any 5xx at MAIL FROM or DATA,
/// authentication required or refused (530, 535), a TLS failure, and a server lacking what the settings
/// require (STARTTLS, AUTH).</item>
/// </list>
/// </summary>
public static class SmtpReplyClassifier
{
    /// <summary>Classifies <paramref name="failure"/>, or returns null for an exception that is not a mail failure (a bug).</summary>
    /// <param name="failure">What <see cref="SmtpConnectionPool.SendAsync"/> threw.</param>
    /// <param name="endpoint">The server, named in connection failures.</param>
    public static TransportResult? Classify(Exception failure, SmtpEndpoint endpoint) => failure switch
    {
        SmtpCommandException refusal => Refusal(refusal),
        ServiceNotAuthenticatedException e => new(TransportOutcome.Blocked, $"{endpoint} requires authentication (set smtp.username and the password): {e.Message}"),
        AuthenticationException e => new(TransportOutcome.Blocked, $"{endpoint} refused the credentials of smtp.username: {e.Message}"),
        SslHandshakeException e => new(TransportOutcome.Blocked, $"TLS with {endpoint} failed (check smtp.security and the server's certificate): {FirstLine(e.Message)}"),
        NotSupportedException e => new(TransportOutcome.Blocked, $"{endpoint}: {e.Message}"),
        SmtpProtocolException e => new(TransportOutcome.Deferred, $"{endpoint} dropped the connection: {e.Message}"),
        TimeoutException e => new(TransportOutcome.Deferred, $"{endpoint} did not answer in time: {e.Message}"),
        SocketException e => new(TransportOutcome.Deferred, Socket(e, endpoint)),
        IOException { InnerException: SocketException e } => new(TransportOutcome.Deferred, Socket(e, endpoint)),
        IOException e => new(TransportOutcome.Deferred, $"the connection to {endpoint} failed: {e.Message}"),
        ServiceNotConnectedException e => new(TransportOutcome.Deferred, $"the connection to {endpoint} was closed: {e.Message}"),
        _ => null,
    };

    /// <summary>Classifies a refusal that came as a reply to a command.</summary>
    /// <param name="refusal">MailKit's exception for a 4xx or 5xx reply.</param>
    public static TransportResult Refusal(SmtpCommandException refusal)
    {
        var basic = (int)refusal.StatusCode;
        EnhancedStatusCode.TryParse(refusal.Message, out var enhanced);
        var detail = $"{basic} {refusal.Message}".Trim();
        var outcome = basic is >= 400 and < 500 ? Transient(basic, enhanced) : Permanent(refusal.ErrorCode, enhanced);
        return new TransportResult(outcome, detail);
    }

    private static TransportOutcome Transient(int basic, EnhancedStatusCode? enhanced) =>
        basic is 421 or 451 or 452 or 454 || enhanced is { Subject: 7 } ? TransportOutcome.Throttled : TransportOutcome.Deferred;

    private static TransportOutcome Permanent(SmtpErrorCode where, EnhancedStatusCode? enhanced)
    {
        if (where != SmtpErrorCode.RecipientNotAccepted) return TransportOutcome.Blocked;
        return enhanced switch
        {
            null => TransportOutcome.Rejected,
            { Subject: 1, Detail: 7 or 8 } => TransportOutcome.Blocked,
            { Subject: 2, Detail: 2 } => TransportOutcome.Deferred,
            { Subject: 0 or 1 or 2 or 4 } => TransportOutcome.Rejected,
            _ => TransportOutcome.Blocked,
        };
    }

    private static string Socket(SocketException e, SmtpEndpoint endpoint) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => $"{endpoint} refused the connection",
        SocketError.HostNotFound or SocketError.NoData => $"{endpoint.Host} was not found (DNS)",
        SocketError.TimedOut => $"{endpoint} did not answer in time",
        SocketError.ConnectionReset => $"{endpoint} reset the connection",
        _ => $"the connection to {endpoint} failed: {e.Message}",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
