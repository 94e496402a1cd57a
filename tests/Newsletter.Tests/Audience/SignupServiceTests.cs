using Newsletter.Audience;
using Newsletter.Audience.Signup;
using Newsletter.Audience.Suppression;
using Newsletter.Delivery;
using Newsletter.Delivery.Messages;
using Newsletter.Delivery.Transports;
using Newsletter.Rendering;
using Newsletter.Storage;
using Newsletter.Tests.Support;
using Newsletter.Signing;
using Newsletter.Delivery.Signup;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SignupServiceTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private ManualClock _clock = null!;
    private SubscriberStore _store = null!;
    private SignupService _signup = null!;
    private string Outbox => _workspace.PathOf("outbox/confirm");

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var database = _test.Database;
        _store = new SubscriberStore(database, _clock);
        _workspace.Write("templates/confirm.html.liquid", "<p>Confirm {{ subscriber.email }}: <a href=\"{{ confirm_url }}\">yes</a></p>");
        _workspace.Write("templates/confirm.txt.liquid", "Confirm {{ subscriber.email }} for {{ newsletter.name }}:\n{{ confirm_url }}\n");
        var mailer = new ConfirmationMailer(new TemplateFolder(_workspace.PathOf("templates")),
            new NewsletterInfo("Weekly", "", "https://news.example/"),
            () => new MessageComposer("Weekly", new MimeKit.MailboxAddress(null, "news@example.com"), null, _clock),
            () => new OutboxTransport(_workspace.PathOf("outbox")));
        var tokens = new LinkToken(SigningKeyRing.Load(_workspace.PathOf("keys")), _clock);
        _signup = new SignupService(_store, new ErasedAddresses(database), tokens, "https://news.example", mailer,
            new SignupThrottle(_clock, 3, TimeSpan.FromHours(1)), new SignupThrottle(_clock, 20, TimeSpan.FromHours(1)));
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [Test]
    public async Task SignUp_NewAddress_IsPendingUntilLinkConfirmed()
    {
        var (outcome, _) = await _signup.SignUpAsync("Ada@Example.com", "Ada", "127.0.0.1", CancellationToken.None);
        Assert.That(outcome, Is.EqualTo(SignupOutcome.ConfirmationSent));
        Assert.That(_store.FindByEmail("ada@example.com")!.Status, Is.EqualTo(SubscriberStatus.Pending));
        var token = ConfirmTokenFromOutbox();

        var confirmed = _signup.Confirm(token)!;
        Assert.That((confirmed.Status, confirmed.Source), Is.EqualTo((SubscriberStatus.Active, "signup")));
        Assert.That(confirmed.ConfirmedAt, Is.EqualTo(_clock.GetUtcNow()));
        Assert.That(_signup.Confirm(token), Is.Null, "a used link does nothing more");
    }

    [Test]
    public async Task Confirm_AfterLinkLifetime_IsRefused()
    {
        await _signup.SignUpAsync("ada@example.com", null, "127.0.0.1", CancellationToken.None);
        _clock.Advance(SignupService.LinkLifetime + TimeSpan.FromDays(1));
        Assert.That(_signup.Confirm(ConfirmTokenFromOutbox()), Is.Null);
    }

    [Test]
    public async Task SignUp_ActiveOrBouncedAddress_SendsNothing()
    {
        _store.Add("ada@example.com", "Ada");
        _store.SetStatus(_store.Add("bob@example.com", "Bob").Id, SubscriberStatus.Bounced);
        Assert.That((await _signup.SignUpAsync("ada@example.com", null, "1", CancellationToken.None)).Outcome, Is.EqualTo(SignupOutcome.Ignored));
        Assert.That((await _signup.SignUpAsync("bob@example.com", null, "1", CancellationToken.None)).Outcome, Is.EqualTo(SignupOutcome.Ignored));
        Assert.That(Directory.Exists(Outbox), Is.False);
    }

    [Test]
    public async Task SignUp_FourthTimeInAnHour_IsThrottledThenAllowedLater()
    {
        for (var i = 0; i < 3; i++)
            Assert.That((await _signup.SignUpAsync("ada@example.com", null, "ip" + i, CancellationToken.None)).Outcome, Is.EqualTo(SignupOutcome.ConfirmationSent));
        Assert.That((await _signup.SignUpAsync("ada@example.com", null, "ip9", CancellationToken.None)).Outcome, Is.EqualTo(SignupOutcome.Throttled));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.That((await _signup.SignUpAsync("ada@example.com", null, "ip9", CancellationToken.None)).Outcome, Is.EqualTo(SignupOutcome.ConfirmationSent));
    }

    [Test]
    public async Task SignUp_InvalidAddress_GivesReason()
    {
        var (outcome, reason) = await _signup.SignUpAsync("ada@", null, "1", CancellationToken.None);
        Assert.That((outcome, reason), Is.EqualTo((SignupOutcome.Invalid, "'ada@' has no domain after the '@'")));
    }

    [Test]
    public async Task SignUp_NameWithMarkupAndEscapes_IsRefusedAndNothingStored()
    {
        var (outcome, reason) = await _signup.SignUpAsync("ada@example.com", "Ada\u001b[2J", "1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((outcome, reason), Is.EqualTo((SignupOutcome.InvalidName, "the name contains the control character U+001B at character 4; names are plain text")));
            Assert.That(_store.FindByEmail("ada@example.com"), Is.Null);
            Assert.That(Directory.Exists(Outbox) && Directory.EnumerateFileSystemEntries(Outbox).Any(), Is.False, "no confirmation email");
        });
    }

    [Test]
    public async Task SignUp_HugeName_IsRefusedAndNothingStored()
    {
        var (outcome, _) = await _signup.SignUpAsync("ada@example.com", new string('x', 100_000), "1", CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(SignupOutcome.InvalidName));
        Assert.That(_store.FindByEmail("ada@example.com"), Is.Null);
    }

    private string ConfirmTokenFromOutbox()
    {
        var text = File.ReadAllText(Directory.GetFiles(Outbox, "*.eml").Single()).Replace("=\r\n", "");
        var match = System.Text.RegularExpressions.Regex.Match(text, @"https://news\.example/subscribe/confirm/([A-Za-z0-9_-]+)");
        Assert.That(match.Success, text);
        return match.Groups[1].Value;
    }
}
