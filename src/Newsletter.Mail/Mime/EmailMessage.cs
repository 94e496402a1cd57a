// The message model the MIME writer serialises: addressing, subject, bodies and inline resources.
namespace Newsletter.Mail.Mime;

/// <summary>
/// An e-mail message to be serialised by <see cref="MimeWriter"/> into RFC 5322 / MIME (RFC 2045-2047) bytes.
/// </summary>
/// <remarks>
/// The body structure follows from which bodies are set: text only gives <c>text/plain</c>, HTML only gives
/// <c>text/html</c>, both give <c>multipart/alternative</c> (RFC 2046 §5.1.4); inline resources wrap the HTML
/// body in <c>multipart/related</c> (RFC 2387).
/// </remarks>
public sealed class EmailMessage
{
    /// <summary>The author mailbox, written as the From header (RFC 5322 §3.6.2).</summary>
    public required MailAddress From { get; init; }

    /// <summary>The primary recipients, written as the To header (RFC 5322 §3.6.3); at least one.</summary>
    public required IReadOnlyList<MailAddress> To { get; init; }

    /// <summary>Optional Reply-To mailbox (RFC 5322 §3.6.2).</summary>
    public MailAddress? ReplyTo { get; init; }

    /// <summary>The subject, any Unicode text; non-ASCII text is written as RFC 2047 encoded-words (RFC 5322 §3.6.5).</summary>
    public required string Subject { get; init; }

    /// <summary>
    /// The origination date (RFC 5322 §3.6.1), written with its own UTC offset at second precision.
    /// The default value means "now" at the moment the message is written.
    /// </summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>
    /// The message identifier without angle brackets, shape <c>id-left@id-right</c>, e.g.
    /// <c>2026-11-20-slug.8f3a@news.example.com</c> (RFC 5322 §3.6.4). A non-ASCII right side is written in punycode.
    /// </summary>
    public required string MessageId { get; init; }

    /// <summary>
    /// Extra header fields written after the standard ones in the given order, e.g. List-Unsubscribe,
    /// List-Unsubscribe-Post (RFC 8058), List-Id (RFC 2919), Feedback-ID. Names must be RFC 5322 field names and
    /// must not repeat a field the writer produces itself; ASCII values are folded at whitespace, non-ASCII values are
    /// written as RFC 2047 encoded-words.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The plain-text body, or <see langword="null"/>; any line ending style, written as CRLF.</summary>
    public string? TextBody { get; init; }

    /// <summary>The HTML body, or <see langword="null"/>; any line ending style, written as CRLF.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Resources referenced from <see cref="HtmlBody"/> by <c>cid:</c> URL; may be empty. Requires an HTML body.</summary>
    public IReadOnlyList<InlineResource> InlineResources { get; init; } = [];
}
