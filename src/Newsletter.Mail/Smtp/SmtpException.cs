// Failures of the SMTP session: connection problems, protocol violations and refused session-level commands.
namespace Newsletter.Mail.Smtp;

/// <summary>What went wrong in an SMTP session.</summary>
public enum SmtpErrorKind
{
    /// <summary>The TCP connection could not be opened (DNS, refused, unreachable).</summary>
    ConnectionFailed,

    /// <summary>The connection broke or the server closed it mid-session.</summary>
    ConnectionLost,

    /// <summary>A connect, read or write did not finish within <see cref="SmtpClientOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The server sent something that is not valid SMTP (RFC 5321 §4.2), or data after STARTTLS.</summary>
    ProtocolError,

    /// <summary>The TLS handshake failed, for example because the certificate was not trusted.</summary>
    TlsFailed,

    /// <summary>The server refused the credentials (RFC 4954, e.g. 535 5.7.8).</summary>
    AuthenticationFailed,

    /// <summary>The server lacks something required: STARTTLS, a known AUTH mechanism, SMTPUTF8.</summary>
    NotSupported,

    /// <summary>The message is larger than the SIZE the server announced (RFC 1870); nothing was sent.</summary>
    MessageTooLarge,

    /// <summary>A 4xx reply ended the session step, e.g. 421 service closing (the connection is then closed).</summary>
    TransientReply,

    /// <summary>A 5xx reply ended the session step, e.g. 554 at the greeting.</summary>
    PermanentReply,
}

/// <summary>An SMTP session failure. Refusals inside a mail transaction are reported in <see cref="SmtpSendResult"/> instead.</summary>
public class SmtpException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">Description without secrets.</param>
    /// <param name="reply">The server reply that caused it, when there is one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public SmtpException(SmtpErrorKind kind, string message, SmtpReply? reply = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Reply = reply;
    }

    /// <summary>What went wrong.</summary>
    public SmtpErrorKind Kind { get; }

    /// <summary>The server reply behind the failure, or <see langword="null"/> for transport failures.</summary>
    public SmtpReply? Reply { get; }

    /// <summary>
    /// Builds the exception for an unwanted reply: 4xx gives <see cref="SmtpErrorKind.TransientReply"/>, 5xx
    /// <see cref="SmtpErrorKind.PermanentReply"/>, an unexpected positive reply <see cref="SmtpErrorKind.ProtocolError"/>.
    /// </summary>
    /// <param name="step">The command or stage, e.g. "EHLO".</param>
    /// <param name="reply">The negative reply.</param>
    /// <returns>The exception to throw.</returns>
    public static SmtpException FromReply(string step, SmtpReply reply) =>
        new(
            reply.IsTransient ? SmtpErrorKind.TransientReply : reply.IsPermanent ? SmtpErrorKind.PermanentReply : SmtpErrorKind.ProtocolError,
            $"{step} failed: {reply}",
            reply);
}
