// Maps replies and failures to what a sender should do next: nothing, retry, back off, or give up (bounce).
namespace Newsletter.Mail.Smtp;

/// <summary>What a reply means for the message's delivery.</summary>
public enum SmtpReplyClass
{
    /// <summary>Accepted (2xx, or an intermediate 3xx step).</summary>
    Success,

    /// <summary>Temporary failure: retry the message later (4xx not related to rate or capacity).</summary>
    TransientFailure,

    /// <summary>Permanent failure: a hard bounce, do not retry (5xx).</summary>
    PermanentFailure,

    /// <summary>The server is limiting us: slow down and retry later (421/451/452/454, 4.7.x, 4.4.5, 4.3.2, 4.5.3).</summary>
    Throttled,

    /// <summary>No reply: the connection failed, broke or timed out; retry on a new connection.</summary>
    ConnectionLost,
}

/// <summary>
/// Classifies SMTP outcomes by the enhanced status code (RFC 3463) when there is one and by the basic reply code
/// (RFC 5321 §4.2.1) otherwise.
/// </summary>
public static class SmtpReplyClassifier
{
    /// <summary>Classifies a single reply.</summary>
    /// <param name="reply">The reply.</param>
    /// <returns>
    /// The class. The enhanced class digit (else the basic code's first digit) decides success, transient or permanent.
    /// A transient reply is <see cref="SmtpReplyClass.Throttled"/> when its basic code is 421, 451, 452 or 454 or its
    /// enhanced code is 4.7.x, 4.4.5, 4.3.2 or 4.5.3 — unless the enhanced code is an address or mailbox status
    /// (4.1.x, 4.2.x, e.g. "452 4.2.2 mailbox full"), which stays <see cref="SmtpReplyClass.TransientFailure"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public static SmtpReplyClass Classify(SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (TryParseEnhanced(reply.EnhancedCode, out int cls, out int subject, out int detail))
        {
            return cls switch
            {
                2 => SmtpReplyClass.Success,
                5 => SmtpReplyClass.PermanentFailure,

                // 421 always means the server is closing the channel, whatever the enhanced code says.
                _ when reply.Code == 421 => SmtpReplyClass.Throttled,

                // Address (x.1.x) and mailbox (x.2.x) statuses are about this recipient, not about our sending rate.
                _ when subject is 1 or 2 => SmtpReplyClass.TransientFailure,
                _ when IsThrottleCode(subject, detail) || IsThrottleBasicCode(reply.Code) => SmtpReplyClass.Throttled,
                _ => SmtpReplyClass.TransientFailure,
            };
        }

        return reply.Code switch
        {
            < 400 => SmtpReplyClass.Success,
            _ when IsThrottleBasicCode(reply.Code) => SmtpReplyClass.Throttled,
            < 500 => SmtpReplyClass.TransientFailure,
            _ => SmtpReplyClass.PermanentFailure,
        };
    }

    /// <summary>Classifies a session failure.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The reply's class when the failure carries a reply; <see cref="SmtpReplyClass.ConnectionLost"/> for connection failures and timeouts; <see cref="SmtpReplyClass.PermanentFailure"/> for everything else (configuration or protocol problems that a retry will not fix).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static SmtpReplyClass Classify(SmtpException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Kind switch
        {
            SmtpErrorKind.ConnectionFailed or SmtpErrorKind.ConnectionLost or SmtpErrorKind.Timeout => SmtpReplyClass.ConnectionLost,
            _ when exception.Reply is not null => Classify(exception.Reply),
            _ => SmtpReplyClass.PermanentFailure,
        };
    }

    /// <summary>
    /// Classifies a transaction: <see cref="SmtpReplyClass.Success"/> when accepted; otherwise the refused MAIL FROM,
    /// else the refused DATA, else the recipients' replies (throttled if any is, then transient if any is, else permanent).
    /// </summary>
    /// <param name="result">The transaction outcome.</param>
    /// <returns>The class of the whole message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static SmtpReplyClass Classify(SmtpSendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Accepted)
        {
            return SmtpReplyClass.Success;
        }

        if (!result.MailFromReply.IsSuccess)
        {
            return Classify(result.MailFromReply);
        }

        if (result.Recipients.Any(r => r.Accepted) && result.DataReply is not null)
        {
            return Classify(result.DataReply);
        }

        var classes = result.Recipients.Select(r => Classify(r.Reply)).ToList();
        if (classes.Contains(SmtpReplyClass.Throttled))
        {
            return SmtpReplyClass.Throttled;
        }

        return classes.Contains(SmtpReplyClass.TransientFailure) ? SmtpReplyClass.TransientFailure : SmtpReplyClass.PermanentFailure;
    }

    // 421 closing, 451 local error (greylisting, rate limits), 452 insufficient storage / too many recipients, 454 TLS or auth temporarily unavailable.
    private static bool IsThrottleBasicCode(int code) => code is 421 or 451 or 452 or 454;

    // 4.7.x security/policy (rate limits, greylisting), 4.4.5 congestion, 4.3.2 not accepting messages, 4.5.3 too many recipients.
    private static bool IsThrottleCode(int subject, int detail) =>
        subject == 7 || (subject == 4 && detail == 5) || (subject == 3 && detail == 2) || (subject == 5 && detail == 3);

    private static bool TryParseEnhanced(string? code, out int cls, out int subject, out int detail)
    {
        cls = subject = detail = 0;
        if (code is null)
        {
            return false;
        }

        var parts = code.Split('.');
        return parts.Length == 3
            && int.TryParse(parts[0], out cls) && int.TryParse(parts[1], out subject) && int.TryParse(parts[2], out detail)
            && cls is 2 or 4 or 5;
    }
}
