using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Delivery;

public class SendLedgerTests
{
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _subscribers = null!;
    private long _issueId;

    [SetUp]
    public void SetUp()
    {
        _workspace = new TempWorkspace();
        _database = _workspace.OpenDatabase();
        _subscribers = new SubscriberStore(_database, TimeProvider.System);
        for (var i = 0; i < 5; i++) _subscribers.Add($"reader{i}@example.com", $"Reader {i}");
        var issue = IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n");
        _issueId = new IssueStore(_database, TimeProvider.System).Register(issue).Id;
    }

    [TearDown]
    public void TearDown() => _workspace.Dispose();

    [Test]
    public void Prepare_Twice_EnqueuesEachSubscriberOnce()
    {
        var ledger = new SendLedger(_database, TimeProvider.System);
        Assert.That(ledger.Prepare(_issueId, "2026-11-20-x", "example.com").Enqueued, Is.EqualTo(5));
        Assert.That(ledger.Prepare(_issueId, "2026-11-20-x", "example.com").Enqueued, Is.EqualTo(0));
        Assert.That(ledger.Counts(_issueId)[DeliveryStatus.Pending], Is.EqualTo(5));
    }

    [Test]
    public void Claim_GivesStableMessageIds()
    {
        var ledger = new SendLedger(_database, TimeProvider.System);
        ledger.Prepare(_issueId, "2026-11-20-x", "example.com");
        var claimed = ledger.Claim(_issueId, 2);
        Assert.That(claimed, Has.Count.EqualTo(2));
        Assert.That(claimed[0].MessageId, Is.EqualTo($"2026-11-20-x.{claimed[0].Subscriber.Id}@example.com"));
        Assert.That(ledger.Counts(_issueId)[DeliveryStatus.Sending], Is.EqualTo(2));
    }

    [Test]
    public void Prepare_AfterCrashedRun_RecoversItsInFlightDeliveries()
    {
        var crashed = new SendLedger(_database, TimeProvider.System);
        crashed.Prepare(_issueId, "2026-11-20-x", "example.com");
        var claimed = crashed.Claim(_issueId, 3);
        crashed.Finish(claimed[0].Id, DeliveryStatus.Sent);

        var rerun = new SendLedger(_database, TimeProvider.System);
        var (recovered, enqueued) = rerun.Prepare(_issueId, "2026-11-20-x", "example.com");
        Assert.That(recovered, Is.EqualTo(2), "the two claimed but unconfirmed deliveries");
        Assert.That(enqueued, Is.EqualTo(0));
        var counts = rerun.Counts(_issueId);
        Assert.That(counts[DeliveryStatus.Sent], Is.EqualTo(1));
        Assert.That(counts[DeliveryStatus.Pending], Is.EqualTo(4));
    }

    [Test]
    public void Lease_HeldByLiveRun_BlocksAnother()
    {
        var first = new SendLedger(_database, TimeProvider.System);
        var second = new SendLedger(_database, TimeProvider.System);
        Assert.That(first.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
        Assert.That(second.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.False);
        first.ReleaseLease(_issueId);
        Assert.That(second.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
    }

    [Test]
    public void Lease_Expired_CanBeTakenOver()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var crashed = new SendLedger(_database, clock);
        Assert.That(crashed.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.That(new SendLedger(_database, clock).TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
    }

    [Test]
    public void Prepare_UnsubscribedSubscriber_IsNotEnqueued()
    {
        var ada = _subscribers.FindByEmail("reader0@example.com")!;
        _subscribers.SetStatus(ada.Id, SubscriberStatus.Unsubscribed);
        Assert.That(new SendLedger(_database, TimeProvider.System).Prepare(_issueId, "s", "example.com").Enqueued, Is.EqualTo(4));
    }
}
