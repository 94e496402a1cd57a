// The composition root: one workspace's settings, database and services, wired once per command.
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Checks;
using Newsletter.Configuration;
using Newsletter.Delivery;
using Newsletter.Delivery.Bounces;
using Newsletter.Delivery.Messages;
using Newsletter.Delivery.Smtp;
using Newsletter.Delivery.Transports;
using Newsletter.Polls;
using Newsletter.Reporting;
using Newsletter.Rendering;
using Newsletter.Storage;
using Newsletter.Signing;

namespace Newsletter;

/// <summary>
/// Everything a command needs for one workspace, built from its settings: the database, the stores, link signing,
/// templates and the way to render and send an issue. Not thread-bound; the stores open a connection per call.
/// </summary>
public sealed class Workspace
{
    private Workspace(NewsletterSettings settings, TimeProvider clock)
    {
        Settings = settings;
        Clock = clock;
        Database = Database.Open(settings.Database, TimeSpan.FromSeconds(settings.DatabaseBusyTimeout));
        Subscribers = new SubscriberStore(Database, clock);
        Issues = new IssueStore(Database, clock);
        Votes = new VoteStore(Database, clock);
        Ledger = new SendLedger(Database, clock);
        Templates = new TemplateFolder(settings.Templates);
        Keys = SigningKeyRing.Load(settings.SigningKeyFile ?? SigningKeyRing.DefaultKeyFile(settings.Database));
        Tokens = new LinkToken(Keys, clock);
        Links = new PersonalLinks(settings.BaseUrl, Tokens);
        Stats = new StatsReport(Issues, Votes, new BounceStore(Database), new Unsubscribes(Database, clock));
        Welcome = new WelcomeQueue(settings.Issues, Issues, Ledger, () => Composer().Domain);
        _signer = new Lazy<DkimMessageSigner?>(() => LoadSigner(settings.Dkim));
        // Built once: every issue and every web page reads it, and the footer's Markdown need not be converted each time.
        _info = new Lazy<NewsletterInfo>(() => new NewsletterInfo(settings.Name, settings.PostalAddress, settings.BaseUrl + "/", settings.Language,
            DesignInfo.From(settings.Design, settings.BaseUrl)));
    }

    private readonly Lazy<DkimMessageSigner?> _signer;
    private readonly Lazy<NewsletterInfo> _info;

    /// <summary>The settings in force.</summary>
    public NewsletterSettings Settings { get; }

    /// <summary>Time source for timestamps, tokens and schedules.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The workspace database: the SQLite file or the shared PostgreSQL database.</summary>
    public Database Database { get; }

    /// <summary>Subscribers.</summary>
    public SubscriberStore Subscribers { get; }

    /// <summary>Recorded issues.</summary>
    public IssueStore Issues { get; }

    /// <summary>Poll votes.</summary>
    public VoteStore Votes { get; }

    /// <summary>The send ledger.</summary>
    public SendLedger Ledger { get; }

    /// <summary>The templates folder.</summary>
    public TemplateFolder Templates { get; }

    /// <summary>Signing keys for personal links.</summary>
    public SigningKeyRing Keys { get; }

    /// <summary>Token codec for personal links.</summary>
    public LinkToken Tokens { get; }

    /// <summary>Link builder.</summary>
    public PersonalLinks Links { get; }

    /// <summary>The welcome issue's per-subscriber queue.</summary>
    public WelcomeQueue Welcome { get; }

    /// <summary>Per-issue figures.</summary>
    public StatsReport Stats { get; }

    /// <summary>Opens the workspace described by <paramref name="configPath"/>.</summary>
    /// <exception cref="ConfigurationFileException">The configuration file is missing or malformed.</exception>
    public static Workspace Open(string configPath, TimeProvider? clock = null) =>
        new(SettingsLoader.Load(configPath), clock ?? TimeProvider.System);

    /// <summary>Newsletter-wide template values.</summary>
    public NewsletterInfo Info => _info.Value;

    /// <summary>Parses an issue file.</summary>
    /// <exception cref="IssueFormatException">The file is malformed.</exception>
    public Issue LoadIssue(string path) => IssueParser.Load(path);

    /// <summary>Prepares the renderer of an issue whose database id is <paramref name="issueId"/> (0 before it is recorded).</summary>
    /// <exception cref="TemplateException">A template or the body has a Liquid error.</exception>
    public IssueRenderer Prepare(Issue issue, long issueId) =>
        IssueRenderer.Prepare(issue, Templates, Links.Archive(issue.Slug), (html, text) => new EmailModel(issue, issueId, html, text, Info, Links, KnownFields()));

    /// <summary>
    /// Runs every pre-send rule on the issue file (<see cref="IssueChecker"/>) and, as <c>send</c> would, resolves its
    /// <c>segment:</c> against this list, so an expression <c>send</c> refuses is an error here too (rule <c>segment</c>).
    /// A welcome issue is an error when another file of the issues folder is one too (rule <c>welcome</c>).
    /// </summary>
    /// <param name="path">The issue file.</param>
    public CheckReport Check(string path)
    {
        var report = IssueChecker.Check(path, Settings.Templates, parsed => Prepare(parsed, 0));
        if (report.Findings.Any(f => f.Rule == "front-matter")) return report;
        var issue = LoadIssue(path);
        if (issue.Welcome)
        {
            try
            {
                Welcome.Find();
            }
            catch (IssueFormatException e)
            {
                report = report with { Findings = [new CheckFinding(CheckSeverity.Error, "welcome", e.Position, e.Reason), .. report.Findings] };
            }
        }
        try
        {
            Audience.Segments.IssueSegment.Resolve(issue, null, HasField);
            return report;
        }
        catch (Audience.Segments.SegmentException e)
        {
            return report with { Findings = [new CheckFinding(CheckSeverity.Error, "segment", e.Position, e.Reason), .. report.Findings] };
        }
    }

    /// <summary>
    /// The message composer for this newsletter, signing with DKIM when the <c>dkim</c> section is set and sending each
    /// delivery from its own VERP address when <c>bounceAddress</c> is.
    /// </summary>
    /// <exception cref="InputException">The From, Reply-To, bounce address or <c>unsubscribeMailto</c> setting is malformed.</exception>
    /// <exception cref="ConfigurationFileException">The DKIM key cannot be read.</exception>
    public MessageComposer Composer() => new(Settings.Name, MailboxParser.Parse(Settings.From),
        Settings.ReplyTo is null ? null : MailboxParser.Parse(Settings.ReplyTo), Clock, _signer.Value, Settings.UnsubscribeMailto, Verp());

    /// <summary>The DKIM signer of the <c>dkim</c> section, or null when messages are not signed here.</summary>
    /// <exception cref="ConfigurationFileException">The DKIM key cannot be read.</exception>
    public DkimMessageSigner? Signer => _signer.Value;

    private static DkimMessageSigner? LoadSigner(DkimSettings? dkim)
    {
        if (dkim is null) return null;
        try
        {
            return new DkimMessageSigner(dkim.Domain, dkim.Selector, dkim.PrivateKeyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new ConfigurationFileException(dkim.PrivateKeyFile, 0, 0, $"'dkim' cannot sign: {e.Message}");
        }
    }

    /// <summary>
    /// Runs the pre-send checks on <paramref name="issue"/> (<see cref="PreSendCheck"/>), preparing it once with its
    /// database id if it has one: what <see cref="SendAsync"/>, <c>render</c> and a test send take.
    /// </summary>
    /// <exception cref="IssueCheckFailedException">A check reports an error; nothing may be rendered or sent.</exception>
    public SendableIssue ReadyToSend(Issue issue) =>
        PreSendCheck.Ensure(issue, Settings.Templates, i => Prepare(i, Issues.FindBySlug(i.Slug)?.Id ?? 0));

    /// <summary>
    /// Sends a checked issue (<see cref="ReadyToSend"/>) through <paramref name="transport"/>, to the audience segment
    /// given or else to the issue's own.
    /// </summary>
    /// <exception cref="Audience.Segments.SegmentException">The segment expression is malformed or names a field the list does not know (see <see cref="HasField"/>).</exception>
    public Task<SendSummary> SendAsync(SendableIssue sendable, IDeliveryTransport transport, IProgress<SendProgress>? progress, CancellationToken cancellationToken,
        string? segment = null) =>
        new IssueSender(Ledger, Issues, Subscribers, transport, SendOptions.From(Settings.Delivery), Clock).SendAsync(sendable, Composer(),
            progress, cancellationToken, Audience.Segments.IssueSegment.Resolve(sendable.Issue, segment, HasField));

    /// <summary>
    /// Opens the configured transport for a send. SMTP and sendmail reach real inboxes, so they first need a set
    /// <c>baseUrl</c> and <c>from</c> (<see cref="NewsletterSettings.ValidateForSending"/>) and no placeholder in them
    /// (<see cref="LiveSendRule"/>, waived by <paramref name="force"/>); the outbox takes anything.
    /// </summary>
    /// <param name="configPath">The configuration file, named in errors.</param>
    /// <param name="protocolLog">Where SMTP conversations are logged, or null.</param>
    /// <param name="force">Send despite placeholder settings (<c>--force</c>).</param>
    /// <exception cref="ConfigurationFileException">A setting is missing, malformed or a placeholder; the message names it.</exception>
    public IDeliveryTransport OpenTransport(string configPath, SmtpProtocolLog? protocolLog, bool force)
    {
        if (LiveSendRule.IsLive(Settings.Transport))
        {
            Settings.ValidateForSending();
            LiveSendRule.Enforce(Settings, force);
        }
        return TransportFactory.Create(Settings, configPath, protocolLog);
    }

    /// <summary>Per-delivery envelope senders (VERP) from <c>bounceAddress</c>, or null when it is not set.</summary>
    /// <exception cref="InputException">The bounce address is not a valid address; the message names the setting.</exception>
    public VerpAddress? Verp()
    {
        if (Settings.BounceAddress is not { } address) return null;
        try
        {
            return new VerpAddress(address, Keys);
        }
        catch (InputException e)
        {
            throw new InputException($"bounceAddress '{address}': {e.Message}", e);
        }
    }

    /// <summary>The bounce pipeline: parse returned mail, tie it to deliveries, record it once, suppress when due.</summary>
    /// <exception cref="InputException">The bounce address is not a valid address.</exception>
    public BounceProcessor Bounces()
    {
        var verp = Verp();
        return new BounceProcessor(new BounceParser(verp), new BounceRecorder(Database, verp, Settings.Bounces.SoftBounceLimit, Clock));
    }

    /// <summary>
    /// Every custom field name the list knows: those some subscriber has and those the <c>fields</c> setting declares
    /// (<see cref="NewsletterSettings.Fields"/>), each once, in ordinal order.
    /// </summary>
    public IReadOnlyCollection<string> KnownFields()
    {
        using var connection = Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = command.Connection!.Sql("subscribers", "field-names");
        using var reader = command.ExecuteReader();
        var names = new SortedSet<string>(Settings.Fields, StringComparer.Ordinal);
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Whether the list knows the custom field <paramref name="name"/> (exact name): declared in the settings or held by a subscriber.</summary>
    public bool HasField(string name) => Settings.Fields.Contains(name, StringComparer.Ordinal) || Subscribers.HasField(name);
}
