// The `bounces` section: where bounce reports are fetched from and when soft bounces suppress a subscriber.
namespace Newsletter.Configuration;

/// <summary>
/// Bounce processing settings. Reports arrive as mail (RFC 3464 delivery status notifications, RFC 5965 complaint
/// reports and the human-readable forms of older mail systems) in a mailbox read by <c>newsletter bounces fetch</c>,
/// or piped to <c>newsletter bounces import -</c>. The mailbox password comes only from
/// <c>NEWSLETTER_BOUNCES_PASSWORD</c>.
/// </summary>
public sealed class BounceSettings
{
    /// <summary>
    /// Soft bounces in a row (with no delivery recorded after them) after which the subscriber is suppressed as
    /// bounced; 0 never suppresses for soft bounces.
    /// </summary>
    public int SoftBounceLimit { get; init; } = 3;

    /// <summary>
    /// The bounce mailbox as a URL: <c>imap://user@host:143/INBOX</c>, <c>imaps://user@host:993/INBOX</c> (RFC 5092
    /// form, path = folder, default INBOX), <c>pop3://user@host:110</c> or <c>pop3s://user@host:995</c>. The user
    /// name may be percent-encoded (<c>bounces%40example.com</c>). Empty: <c>bounces fetch</c> is not configured.
    /// </summary>
    public string? Mailbox { get; init; }

    /// <summary>
    /// <c>tls</c> (implicit TLS, RFC 8314), <c>starttls</c> (RFC 2595) or <c>none</c>; empty means <c>tls</c> for the
    /// <c>imaps</c>/<c>pop3s</c> schemes and <c>starttls</c> for <c>imap</c>/<c>pop3</c>.
    /// </summary>
    public string? Security { get; init; }

    /// <summary>
    /// IMAP folder processed messages are moved to (created when missing), e.g. <c>Processed</c>. Empty: processed
    /// messages are deleted. POP3 always deletes them.
    /// </summary>
    public string? ProcessedFolder { get; init; }

    /// <summary>Delete processed messages even when <see cref="ProcessedFolder"/> is set.</summary>
    public bool Delete { get; init; }

    /// <summary>Timeout of every network read and write, in seconds.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>Accept any server certificate. For test servers only; never for real mail.</summary>
    public bool AllowInvalidCertificate { get; init; }
}
