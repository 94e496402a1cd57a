// The settings a workspace's newsletter.json holds, after environment overrides are applied.
namespace Newsletter.Configuration;

/// <summary>
/// Workspace settings read from <c>newsletter.json</c> (keys are case-insensitive) and overridden by
/// environment variables with the <c>NEWSLETTER__</c> prefix, e.g. <c>NEWSLETTER__TRANSPORT</c>
/// (the standard .NET configuration convention). Paths are absolute once loaded.
/// </summary>
public sealed class NewsletterSettings
{
    /// <summary>The newsletter's display name, shown in templates and in the From header.</summary>
    public string Name { get; init; } = "Newsletter";

    /// <summary>Language of the issues (BCP 47 tag, e.g. <c>en</c>), set as the HTML <c>lang</c> attribute.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Sender mailbox (RFC 5322 §3.4 <c>mailbox</c>), e.g. <c>The Build &lt;news@example.com&gt;</c>.</summary>
    public string From { get; init; } = "Newsletter <newsletter@example.com>";

    /// <summary>Optional Reply-To mailbox; none when empty.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Public base URL of <c>newsletter serve</c>, without trailing slash; all links in emails start with it.</summary>
    public string BaseUrl { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Postal address printed in every footer (CAN-SPAM requires one).</summary>
    public string PostalAddress { get; init; } = "";

    /// <summary>
    /// Absolute path of the SQLite database file, or a PostgreSQL connection string or <c>postgres://</c> URL (see
    /// <see cref="DatabaseSetting"/>); its password is better left to <c>NEWSLETTER_DATABASE_PASSWORD</c> or <c>PGPASSWORD</c>.
    /// </summary>
    public string Database { get; init; } = "newsletter.db";

    /// <summary>
    /// Seconds a command waits for another process's write to the database to finish before it gives up with a
    /// storage error (SQLite's busy timeout); 1 to 3600, default 30.
    /// </summary>
    public int DatabaseBusyTimeout { get; init; } = 30;

    /// <summary>Absolute path of the folder holding <c>YYYY-MM-DD-slug.md</c> issue files.</summary>
    public string Issues { get; init; } = "issues";

    /// <summary>Absolute path of the folder holding Liquid layouts, partials and the stylesheet.</summary>
    public string Templates { get; init; } = "templates";

    /// <summary>
    /// Where mail goes: <c>outbox:DIR</c> (one .eml file per delivery) or
    /// <c>smtp://HOST:PORT</c>. See <c>TransportFactory</c> in Delivery.
    /// </summary>
    public string Transport { get; init; } = "outbox:outbox";

    /// <summary>
    /// Merge fields the list knows before any subscriber has them (the <c>fields</c> setting, a JSON array of names,
    /// e.g. <c>["plan", "company"]</c>; exact names, as imported). A known field is defined in every template: a
    /// subscriber without it reads nil, so <c>{{ subscriber.fields.plan | default: "free" }}</c> works from the first
    /// issue, and a segment may test it. Fields some subscriber has are known without being listed here; a name neither
    /// listed nor on the list stays an undefined-variable error.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Logo, accent colour and footer text of the default templates (the <c>design</c> section).</summary>
    public DesignSettings Design { get; init; } = new();

    /// <summary>SMTP details used when <see cref="Transport"/> is an <c>smtp://</c> address.</summary>
    public SmtpSettings Smtp { get; init; } = new();

    /// <summary>DKIM signing of every message (the <c>dkim</c> section); off when null.</summary>
    public DkimSettings? Dkim { get; init; }

    /// <summary>
    /// Optional <c>mailto:</c> URL added to <c>List-Unsubscribe</c> after the https link (RFC 2369 §3.2), e.g.
    /// <c>mailto:unsubscribe@news.example.com</c>, for mail clients that only offer mail-based unsubscribing.
    /// </summary>
    public string? UnsubscribeMailto { get; init; }

    /// <summary>Rate limits, retries and the pause rule of the send loop (the <c>delivery</c> section).</summary>
    public DeliverySettings Delivery { get; init; } = new();

    /// <summary>
    /// Optional envelope sender for bounces (RFC 5321 <c>reverse-path</c>), e.g. <c>bounces@news.example.com</c>.
    /// When set, each delivery's envelope sender is <c>bounces+TOKEN@news.example.com</c> (VERP), so a bounce names
    /// the delivery it is about even when its text does not; that address must deliver to the bounce mailbox
    /// (most servers deliver <c>local+anything</c> to <c>local</c>). Empty: the envelope sender is the From address.
    /// </summary>
    public string? BounceAddress { get; init; }

    /// <summary>Where bounce reports are read from and when soft bounces suppress (the <c>bounces</c> section).</summary>
    public BounceSettings Bounces { get; init; } = new();

    /// <summary>
    /// File holding the key that signs poll and unsubscribe links; created on first use. Empty means a
    /// per-workspace file under the user's configuration folder, outside any repository.
    /// The environment variable <c>NEWSLETTER_SIGNING_KEY</c> (base64, 32 bytes or more) wins over it.
    /// </summary>
    public string? SigningKeyFile { get; init; }

    /// <summary>
    /// Secret that opens the stats page of <c>newsletter serve</c> (<c>/stats?key=SECRET</c>); the page is off when
    /// empty. Better kept out of the file: the environment variable <c>NEWSLETTER_STATS_TOKEN</c> wins over it.
    /// </summary>
    public string? StatsToken { get; init; }

    /// <summary>Requests per minute one client address may make to the public endpoints of <c>serve</c>; 0 turns the limit off.</summary>
    public int RateLimitPerMinute { get; init; } = 300;

    /// <summary>Folder of the configuration file; relative paths were resolved against it.</summary>
    public string WorkspaceRoot { get; init; } = RunEnvironment.Current.WorkingDirectory;

    /// <summary>The configuration file these settings came from, named in errors; <c>newsletter.json</c> when built in code.</summary>
    public string ConfigFile { get; init; } = SettingsLoader.DefaultFileName;

    // Whether the file or the environment gave these; the defaults suit a first look, never a real send.
    internal bool BaseUrlConfigured { get; init; }

    internal bool FromConfigured { get; init; }

    /// <summary>
    /// Checks what a real send needs beyond what every command needs: <see cref="BaseUrl"/> and <see cref="From"/>
    /// given in the file or the environment (their defaults, <c>http://127.0.0.1:5080</c> and
    /// <c>newsletter@example.com</c>, would put dead links and a foreign sender in real inboxes), and
    /// <see cref="From"/> a mailbox (RFC 5322 §3.4). Call it before handing messages to SMTP or sendmail; the outbox,
    /// which only writes files, needs none of it.
    /// </summary>
    /// <exception cref="ConfigurationFileException">A setting is missing or invalid; the message names it and the file.</exception>
    public void ValidateForSending() => SettingsValidator.ValidateForSending(this);
}

/// <summary>SMTP connection settings (RFC 5321). The password comes only from <c>NEWSLETTER_SMTP_PASSWORD</c>.</summary>
public sealed class SmtpSettings
{
    /// <summary><c>none</c>, <c>starttls</c> (RFC 3207) or <c>tls</c> (implicit TLS, RFC 8314).</summary>
    public string Security { get; init; } = "starttls";

    /// <summary>User name for AUTH (RFC 4954); no authentication when empty.</summary>
    public string? Username { get; init; }

    /// <summary>Parallel connections kept open while sending.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>Timeout of every read and write, in seconds.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>Accept any server certificate. For test servers only; never for real mail.</summary>
    public bool AllowInvalidCertificate { get; init; }

    /// <summary>
    /// The SASL mechanism (RFC 4422) for AUTH: <c>auto</c> (default: the strongest both sides support), a mechanism
    /// name such as <c>PLAIN</c>, <c>LOGIN</c>, <c>CRAM-MD5</c> or <c>SCRAM-SHA-256</c>, or <c>XOAUTH2</c> /
    /// <c>OAUTHBEARER</c> (RFC 7628) for an OAuth 2.0 access token (Gmail, Microsoft 365).
    /// </summary>
    public string? Auth { get; init; }

    /// <summary>
    /// File holding the OAuth 2.0 access token, read at every new connection so that a token refreshed in place is
    /// used; the environment variable <c>NEWSLETTER_SMTP_OAUTH_TOKEN</c> wins over it. Relative to the configuration file.
    /// </summary>
    public string? OAuthTokenFile { get; init; }
}

/// <summary>DKIM signing settings (RFC 6376). The private key stays in a file outside the repository and is never printed.</summary>
public sealed class DkimSettings
{
    /// <summary>The signing domain (<c>d=</c>), normally the From address's domain or a parent of it.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The selector (<c>s=</c>): the public key is published in DNS at <c>SELECTOR._domainkey.DOMAIN</c>.</summary>
    public string Selector { get; init; } = "";

    /// <summary>PEM file with the RSA private key (2048 bits is usual), relative to the configuration file.</summary>
    public string PrivateKeyFile { get; init; } = "";
}
