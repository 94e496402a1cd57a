using Newsletter.Audience;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Delivery;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class WelcomeQueueTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _subscribers = null!;
    private IssueStore _issues = null!;
    private SendLedger _ledger = null!;
    private WelcomeQueue _queue = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _database = _test.Database;
        _subscribers = new SubscriberStore(_database, TimeProvider.System);
        _issues = new IssueStore(_database, TimeProvider.System);
        _ledger = new SendLedger(_database, TimeProvider.System);
        _queue = new WelcomeQueue(_workspace.PathOf("issues"), _issues, _ledger, () => "example.com");
        _workspace.Write("issues/welcome.md", "---\ntitle: Welcome\nwelcome: true\n---\nBody\n");
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    private long WelcomeId => _issues.FindBySlug("welcome")!.Id;

    [Test]
    public void Queue_Twice_QueuesOneDelivery()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        Assert.That(_queue.Queue(reader.Id)!.Queued, Is.EqualTo(1));
        Assert.That(_queue.Queue(reader.Id)!.Queued, Is.EqualTo(0));
        Assert.That(_ledger.Counts(WelcomeId)[DeliveryStatus.Pending], Is.EqualTo(1));
    }

    [Test]
    public void Queue_AfterTheWelcomeWasSent_QueuesNothing()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        _queue.Queue(reader.Id);
        var claimed = _ledger.Claim(WelcomeId, 10).Single();
        Hand(_ledger, claimed.Id);
        Finish(_ledger, claimed.Id, DeliveryStatus.Sent);
        Assert.That(_queue.Queue(reader.Id)!.Queued, Is.EqualTo(0));
        Assert.That(_ledger.Waiting(WelcomeId), Is.EqualTo(0));
    }

    [Test]
    public void Queue_PendingSubscriber_QueuesNothing()
    {
        var id = _subscribers.AddPending("pending@example.com", null, "signup");
        Assert.That(_queue.Queue(id)!.Queued, Is.EqualTo(0));
    }

    [Test]
    public void Queue_NoWelcomeIssue_ReturnsNull()
    {
        File.Delete(_workspace.PathOf("issues/welcome.md"));
        var reader = _subscribers.Add("reader@example.com", null);
        Assert.That(_queue.Queue(reader.Id), Is.Null);
    }

    [Test]
    public void QueueAddedAfter_QueuesOnlyNewActiveSubscribers()
    {
        _subscribers.Add("old@example.com", null);
        var before = _subscribers.MaxId();
        _subscribers.Add("new1@example.com", null);
        _subscribers.Add("new2@example.com", null);
        _subscribers.AddPending("pending@example.com", null, "signup");
        Assert.That(_queue.QueueAddedAfter(before)!.Queued, Is.EqualTo(2));
        Assert.That(_queue.QueueAddedAfter(before)!.Queued, Is.EqualTo(0));
    }

    [Test]
    public void Prepare_WelcomeIssue_DoesNotEnqueueTheWholeList()
    {
        _subscribers.Add("a@example.com", null);
        var b = _subscribers.Add("b@example.com", null);
        _queue.Queue(b.Id);
        Assert.That(_ledger.Prepare(WelcomeId, "welcome", "example.com", enqueueActive: false).Enqueued, Is.EqualTo(0));
        Assert.That(_ledger.Claim(WelcomeId, 10).Select(d => d.Subscriber.Email), Is.EqualTo(new[] { "b@example.com" }));
    }

    [Test]
    public void Queue_RecordsTheIssueAsTheWelcome()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        _queue.Queue(reader.Id);
        var record = _issues.FindBySlug("welcome")!;
        Assert.That(record.Welcome, Is.True);
        Assert.That(record.State, Is.EqualTo("welcome"));
    }

    // Hand-overs and outcomes are written the way a send writes them: through one session.
    private static void Hand(SendLedger ledger, long deliveryId)
    {
        using var session = ledger.OpenSession();
        session.Hand(deliveryId);
    }

    private static void Finish(SendLedger ledger, long deliveryId, DeliveryStatus status, string? error = null, DateTimeOffset? retryAt = null)
    {
        using var session = ledger.OpenSession();
        session.Finish(deliveryId, status, error, retryAt);
    }
}
