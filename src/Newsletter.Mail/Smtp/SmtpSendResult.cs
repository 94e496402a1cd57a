// The outcome of one mail transaction (MAIL, RCPT..., DATA).
namespace Newsletter.Mail.Smtp;

/// <summary>The server's answer to one RCPT TO command.</summary>
/// <param name="Recipient">The recipient address as given to <see cref="SmtpClient.SendAsync"/>.</param>
/// <param name="Reply">The RCPT reply.</param>
public sealed record SmtpRecipientResult(string Recipient, SmtpReply Reply)
{
    /// <summary>True when the server accepted this recipient (2xx).</summary>
    public bool Accepted => Reply.IsSuccess;
}

/// <summary>The outcome of one mail transaction (RFC 5321 §3.3).</summary>
/// <param name="Accepted">
/// True when the server took responsibility for the message (final DATA reply 2xx) for at least one recipient.
/// Recipients refused with RCPT are still listed in <paramref name="Recipients"/>.
/// </param>
/// <param name="MailFromReply">The reply to MAIL FROM.</param>
/// <param name="Recipients">One entry per requested recipient, in order; empty when MAIL FROM was refused without pipelining.</param>
/// <param name="DataReply">
/// The final reply after the message content, or the refusal of the DATA command itself; <see langword="null"/> when
/// DATA was never sent (MAIL FROM refused or every recipient refused).
/// </param>
public sealed record SmtpSendResult(
    bool Accepted,
    SmtpReply MailFromReply,
    IReadOnlyList<SmtpRecipientResult> Recipients,
    SmtpReply? DataReply)
{
    /// <summary>True when the message was accepted and no recipient was refused.</summary>
    public bool AllRecipientsAccepted => Accepted && Recipients.All(r => r.Accepted);

    /// <summary>The recipients the server refused, with their replies.</summary>
    public IEnumerable<SmtpRecipientResult> RejectedRecipients => Recipients.Where(r => !r.Accepted);

    /// <summary>The classification of this outcome; see <see cref="SmtpReplyClassifier.Classify(SmtpSendResult)"/>.</summary>
    public SmtpReplyClass Classification => SmtpReplyClassifier.Classify(this);
}
