// Builds the MimeMessage of one delivery: the rendered email plus the headers a newsletter needs.
using System.Text;
using MimeKit;
using MimeKit.Text;
using Newsletter.Audience;
using Newsletter.Delivery.Bounces;
using Newsletter.Rendering;

namespace Newsletter.Delivery.Messages;

/// <summary>
/// Builds one <see cref="MimeMessage"/> per delivery: <c>multipart/alternative</c> with the text part first and the
/// HTML part last (RFC 2046 §5.1.4), both UTF-8 quoted-printable so any server takes them without 8BITMIME; From and
/// Reply-To from the settings; a stable Message-ID per issue and subscriber (RFC 5322 §3.6.4);
/// <c>List-Unsubscribe</c> with the signed https link (RFC 2369) and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058 §3.1); <c>List-Id</c> (RFC 2919); and a
/// <c>Feedback-ID</c> naming the issue, which large mailbox providers use to report complaints per campaign.
/// Messages are DKIM-signed (RFC 6376) when a <see cref="DkimMessageSigner"/> is given.
/// </summary>
/// <remarks>
/// What does not vary between subscribers (addresses, List-Id, List-Unsubscribe-Post) is parsed once here and
/// cloned into each message, so a send formats no header twice. Thread-safe: <see cref="Compose"/> may run on every
/// sending worker at once.
/// </remarks>
public sealed class MessageComposer
{
    private readonly MailboxAddress _from;
    private readonly MailboxAddress? _replyTo;
    private readonly Header _listId;
    private readonly Header _oneClick = new(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
    private readonly string? _unsubscribeMailto;
    private readonly DkimMessageSigner? _signer;
    private readonly TimeProvider _clock;
    private readonly VerpAddress? _verp;

    /// <summary>Creates a composer for a newsletter.</summary>
    /// <param name="newsletterName">Display name, used in List-Id.</param>
    /// <param name="from">The From mailbox; its address is also the envelope sender unless a bounce address is set.</param>
    /// <param name="replyTo">Optional Reply-To mailbox.</param>
    /// <param name="clock">Source of the Date header.</param>
    /// <param name="signer">Signs every message with DKIM; null to leave signing to the relay.</param>
    /// <param name="unsubscribeMailto">Optional <c>mailto:</c> URL added to List-Unsubscribe after the https link; ASCII (RFC 6068).</param>
    /// <param name="verp">Builds a per-delivery envelope sender from the bounce address; null to use the From address.</param>
    /// <exception cref="InputException"><paramref name="unsubscribeMailto"/> is not an ASCII <c>mailto:</c> URL.</exception>
    public MessageComposer(string newsletterName, MailboxAddress from, MailboxAddress? replyTo, TimeProvider clock,
        DkimMessageSigner? signer = null, string? unsubscribeMailto = null, VerpAddress? verp = null)
    {
        _verp = verp;
        _from = from;
        _replyTo = replyTo;
        // MimeKit shows IDN domains in Unicode; the envelope and identifiers need the ASCII form.
        EnvelopeFrom = EmailAddress.Normalize(from.Address);
        Domain = EnvelopeFrom[(EnvelopeFrom.LastIndexOf('@') + 1)..];
        _clock = clock;
        _signer = signer;
        _unsubscribeMailto = string.IsNullOrWhiteSpace(unsubscribeMailto) ? null : unsubscribeMailto.Trim();
        if (_unsubscribeMailto is not null && (!_unsubscribeMailto.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || !Ascii.IsValid(_unsubscribeMailto) || _unsubscribeMailto.Any(c => c is <= ' ' or '<' or '>' or ',')))
            throw new InputException($"unsubscribeMailto '{_unsubscribeMailto}' must be an ASCII mailto: URL (IDN domains in punycode), e.g. mailto:unsubscribe@news.example.com");
        var label = new string(newsletterName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        _listId = new Header(HeaderId.ListId, $"{newsletterName} <{(label.Length == 0 ? "newsletter" : label)}.{Domain}>");
    }

    /// <summary>The sender address used for the SMTP envelope (bounces return there).</summary>
    public string EnvelopeFrom { get; }

    /// <summary>
    /// The envelope sender (MAIL FROM) of one delivery: <c>bounces+TOKEN@domain</c> when a bounce address is set, so a
    /// bounce names its delivery (VERP), else <see cref="EnvelopeFrom"/>.
    /// </summary>
    /// <param name="deliveryId">The delivery's ledger id.</param>
    public string EnvelopeFor(long deliveryId) => _verp?.EnvelopeFor(deliveryId) ?? EnvelopeFrom;

    /// <summary>The domain of the From address in its ASCII form (IDNs in punycode), the right-hand side of Message-IDs.</summary>
    public string Domain { get; }

    /// <summary>Whether messages are DKIM-signed here.</summary>
    public bool Signs => _signer is not null;

    /// <summary>Composes the message for one delivery of an issue.</summary>
    /// <param name="email">Rendered content.</param>
    /// <param name="subscriber">Recipient.</param>
    /// <param name="messageId">Stable id from the ledger, without brackets, e.g. <c>2026-11-20-slug.42@news.example.com</c>.</param>
    /// <param name="issueSlug">Issue slug for Feedback-ID.</param>
    /// <param name="test">A test send (<c>send --test</c>): the subject starts with <see cref="TestSubjectPrefix"/> and
    /// <see cref="TestHeader"/> says <c>yes</c>, both under the DKIM signature.</param>
    /// <exception cref="ParseException">The subscriber's address cannot be written as a mailbox.</exception>
    public MimeMessage Compose(RenderedEmail email, Subscriber subscriber, string messageId, string issueSlug, bool test = false)
    {
        var message = Envelope(new MailboxAddress(subscriber.Name, subscriber.Email), test ? TestSubjectPrefix + email.Subject : email.Subject, messageId);
        var unsubscribe = _unsubscribeMailto is null ? $"<{email.UnsubscribeUrl}>" : $"<{email.UnsubscribeUrl}>, <{_unsubscribeMailto}>";
        message.Headers.Add(new Header(HeaderId.ListUnsubscribe, unsubscribe));
        message.Headers.Add(_oneClick.Clone());
        message.Headers.Add(_listId.Clone());
        message.Headers.Add("Feedback-ID", $"{issueSlug}:newsletter:{Domain}");
        if (test) message.Headers.Add(TestHeader, "yes");
        message.Body = Alternative(email.Text, email.Html);
        _signer?.Sign(message);
        return message;
    }

    /// <summary>What the subject of a test send starts with.</summary>
    public const string TestSubjectPrefix = "[Test] ";

    /// <summary>The header that marks a test send, with the value <c>yes</c>, for filters and for whoever reads the source.</summary>
    public const string TestHeader = "X-Newsletter-Test";

    /// <summary>
    /// Composes a one-off message that belongs to no issue (a sign-up confirmation): the same From, Reply-To, Date and
    /// bodies as an issue's, without the list headers.
    /// </summary>
    /// <param name="to">The recipient mailbox.</param>
    /// <param name="subject">Subject line, any Unicode text.</param>
    /// <param name="text">Plain-text body.</param>
    /// <param name="html">HTML body.</param>
    /// <param name="messageId">Message-ID without brackets.</param>
    public MimeMessage ComposeTransactional(MailboxAddress to, string subject, string text, string html, string messageId)
    {
        var message = Envelope(to, subject, messageId);
        message.Body = Alternative(text, html);
        _signer?.Sign(message);
        return message;
    }

    private MimeMessage Envelope(MailboxAddress to, string subject, string messageId)
    {
        var message = new MimeMessage { Date = _clock.GetLocalNow(), MessageId = AsciiMessageId(messageId) };
        SetSubject(message, subject);
        message.From.Add(_from.Clone());
        if (_replyTo is not null) message.ReplyTo.Add(_replyTo.Clone());
        message.To.Add(to);
        return message;
    }

    // A Message-ID is ASCII (RFC 5322 §3.6.4): an international right-hand side is written in punycode.
    private static string AsciiMessageId(string messageId)
    {
        var at = messageId.LastIndexOf('@');
        return at < 0 || Ascii.IsValid(messageId) ? messageId : messageId[..(at + 1)] + new System.Globalization.IdnMapping().GetAscii(messageId[(at + 1)..]);
    }

    // Line breaks in a subject become spaces, never a new header. Text that looks like an RFC 2047 encoded-word
    // is encoded itself, so readers show it as written instead of decoding it.
    private static void SetSubject(MimeMessage message, string subject)
    {
        subject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (!subject.Contains("=?", StringComparison.Ordinal))
        {
            message.Subject = subject;
            return;
        }
        var words = EncodedWords(subject);
        var header = new Header(HeaderId.Subject, "");
        header.SetRawValue(Encoding.ASCII.GetBytes(" " + string.Join("\r\n ", words) + "\r\n"));
        message.Headers.Replace(header);
    }

    // RFC 2047 §5 "B" encoded-words of at most 45 octets of UTF-8 each (72 characters), never splitting a character.
    private static List<string> EncodedWords(string text)
    {
        var words = new List<string>();
        var chunk = new StringBuilder();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (chunk.Length > 0 && Encoding.UTF8.GetByteCount(chunk + element) > 45) Flush();
            chunk.Append(element);
        }
        if (chunk.Length > 0) Flush();
        return words;

        void Flush()
        {
            words.Add("=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(chunk.ToString())) + "?=");
            chunk.Clear();
        }
    }

    private static MultipartAlternative Alternative(string text, string html) =>
    [
        Part(TextFormat.Plain, text),
        Part(TextFormat.Html, html),
    ];

    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText("utf-8", content);
        return part;
    }
}
