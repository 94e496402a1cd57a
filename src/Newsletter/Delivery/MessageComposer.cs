// Wraps a rendered email in the headers a newsletter needs: List-Unsubscribe, List-Id, Feedback-ID, Message-ID.
using Newsletter.Audience;
using Newsletter.Mail.Mime;
using Newsletter.Rendering;

namespace Newsletter.Delivery;

/// <summary>
/// Builds the <see cref="EmailMessage"/> for one delivery: From/Reply-To from the settings, a stable Message-ID per
/// issue and subscriber (RFC 5322 §3.6.4), <c>List-Unsubscribe</c> with the signed https link (RFC 2369) and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058 §3.1), <c>List-Id</c> (RFC 2919) and a
/// <c>Feedback-ID</c> naming the issue, which large mailbox providers use to report complaints per campaign.
/// </summary>
public sealed class MessageComposer
{
    private readonly MailAddress _from;
    private readonly MailAddress? _replyTo;
    private readonly string _listId;
    private readonly TimeProvider _clock;

    /// <summary>Creates a composer for a newsletter.</summary>
    /// <param name="newsletterName">Display name, used in List-Id.</param>
    /// <param name="from">The From mailbox.</param>
    /// <param name="replyTo">Optional Reply-To mailbox.</param>
    /// <param name="clock">Source of the Date header.</param>
    public MessageComposer(string newsletterName, MailAddress from, MailAddress? replyTo, TimeProvider clock)
    {
        _from = from;
        _replyTo = replyTo;
        _clock = clock;
        var label = new string(newsletterName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        _listId = $"{newsletterName} <{(label.Length == 0 ? "newsletter" : label)}.{MailboxParser.Domain(from)}>";
    }

    /// <summary>The sender address used for the SMTP envelope (bounces return there).</summary>
    public string EnvelopeFrom => _from.Address;

    /// <summary>Composes the message for one delivery.</summary>
    /// <param name="email">Rendered content.</param>
    /// <param name="subscriber">Recipient.</param>
    /// <param name="messageId">Stable id from the ledger, without brackets.</param>
    /// <param name="issueSlug">Issue slug for Feedback-ID.</param>
    public EmailMessage Compose(RenderedEmail email, Subscriber subscriber, string messageId, string issueSlug) => new()
    {
        From = _from,
        To = [new MailAddress(subscriber.Email, subscriber.Name)],
        ReplyTo = _replyTo,
        Subject = email.Subject,
        Date = _clock.GetLocalNow(),
        MessageId = messageId,
        Headers =
        [
            new("List-Unsubscribe", $"<{email.UnsubscribeUrl}>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new("List-Id", _listId),
            new("Feedback-ID", $"{issueSlug}:newsletter:{MailboxParser.Domain(_from)}"),
        ],
        TextBody = email.Text,
        HtmlBody = email.Html,
        InlineResources = [],
    };
}
