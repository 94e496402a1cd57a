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
    public void Prepare_AfterCrashedRun_CountsOnlyHandedDeliveriesAsInFlight()
    {
        var crashed = new SendLedger(_database, TimeProvider.System);
        crashed.Prepare(_issueId, "2026-11-20-x", "example.com");
        var claimed = crashed.Claim(_issueId, 4);
        Hand(crashed, claimed[0].Id);
        Finish(crashed, claimed[0].Id, DeliveryStatus.Sent);
        Hand(crashed, claimed[1].Id);
        Hand(crashed, claimed[2].Id);

        var rerun = new SendLedger(_database, TimeProvider.System);
        var (recovered, enqueued) = rerun.Prepare(_issueId, "2026-11-20-x", "example.com");
        Assert.That(recovered, Is.EqualTo(2), "handed to the transport without an answer: may have gone out");
        Assert.That(enqueued, Is.EqualTo(0));
        var counts = rerun.Counts(_issueId);
        Assert.That(counts[DeliveryStatus.Sent], Is.EqualTo(1));
        Assert.That(counts[DeliveryStatus.Pending], Is.EqualTo(4), "claimed-only and handed rows both go back to the queue");
        Assert.That(rerun.Claim(_issueId, 10).Select(d => d.Id), Does.Contain(claimed[3].Id));
    }

    [Test]
    public void Prepare_RunsOwnClaim_IsNotRecovered()
    {
        var ledger = new SendLedger(_database, TimeProvider.System);
        ledger.Prepare(_issueId, "s", "example.com");
        var claimed = ledger.Claim(_issueId, 2);
        Hand(ledger, claimed[0].Id);
        Assert.That(ledger.Prepare(_issueId, "s", "example.com").Recovered, Is.EqualTo(0));
        Assert.That(ledger.Counts(_issueId)[DeliveryStatus.Sending], Is.EqualTo(2));
    }

    [Test]
    public void Release_LeavesHandedDeliveryInFlight()
    {
        var ledger = new SendLedger(_database, TimeProvider.System);
        ledger.Prepare(_issueId, "s", "example.com");
        var claimed = ledger.Claim(_issueId, 3);
        Hand(ledger, claimed[0].Id);
        ledger.Release(_issueId);
        var counts = ledger.Counts(_issueId);
        Assert.That(counts[DeliveryStatus.Sending], Is.EqualTo(1));
        Assert.That(counts[DeliveryStatus.Pending], Is.EqualTo(4));
    }

    [Test]
    public void Deferred_IsQueuedAgainOnlyWhenItsRetryTimeHasCome()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var ledger = new SendLedger(_database, clock);
        ledger.Prepare(_issueId, "s", "example.com");
        var delivery = ledger.Claim(_issueId, 1)[0];
        Hand(ledger, delivery.Id);
        Finish(ledger, delivery.Id, DeliveryStatus.Deferred, "451 4.3.0 try later", clock.GetUtcNow().AddMinutes(2));
        ledger.Release(_issueId);
        Assert.That(ledger.NextRetry(_issueId), Is.EqualTo(clock.GetUtcNow().AddMinutes(2)).Within(TimeSpan.FromMilliseconds(1)));

        clock.Advance(TimeSpan.FromMinutes(1));
        ledger.Prepare(_issueId, "s", "example.com");
        Assert.That(ledger.Counts(_issueId)[DeliveryStatus.Deferred], Is.EqualTo(1));

        clock.Advance(TimeSpan.FromMinutes(1));
        ledger.Prepare(_issueId, "s", "example.com");
        Assert.That(ledger.Counts(_issueId)[DeliveryStatus.Deferred], Is.EqualTo(0));
        var again = ledger.Claim(_issueId, 5).Single(d => d.Id == delivery.Id);
        Assert.That(again.Attempts, Is.EqualTo(1));
        Assert.That(again.FirstFailedAt, Is.Not.Null);
    }

    [Test]
    public void SentSince_CountsAcceptedMessagesInTheWindow()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var ledger = new SendLedger(_database, clock);
        ledger.Prepare(_issueId, "s", "example.com");
        foreach (var d in ledger.Claim(_issueId, 3)) Finish(ledger, d.Id, DeliveryStatus.Sent);
        clock.Advance(TimeSpan.FromMinutes(61));
        foreach (var d in ledger.Claim(_issueId, 1)) Finish(ledger, d.Id, DeliveryStatus.Sent);
        Assert.That(ledger.SentSince(clock.GetUtcNow() - TimeSpan.FromHours(1)), Is.EqualTo(1));
    }

    [Test]
    public void Lease_HeldByDeadProcessOnThisMachine_CanBeTakenOverAtOnce()
    {
        using var connection = _database.Connect();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO send_leases (issue_id, holder, expires_at) VALUES ($issue, $holder, $expires)";
        insert.Bind("$issue", _issueId);
        insert.Bind("$holder", $"{Environment.MachineName}:{DeadPid()}:abcdef01");
        insert.Bind("$expires", StoredTime.ToText(DateTimeOffset.UtcNow.AddHours(1)));
        insert.ExecuteNonQuery();
        Assert.That(new SendLedger(_database, TimeProvider.System).TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
    }

    [Test]
    public void Lease_HeldByLiveProcess_IsNotTakenBeforeItExpires()
    {
        using var connection = _database.Connect();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO send_leases (issue_id, holder, expires_at) VALUES ($issue, $holder, $expires)";
        insert.Bind("$issue", _issueId);
        insert.Bind("$holder", $"{Environment.MachineName}:1:abcdef01");
        insert.Bind("$expires", StoredTime.ToText(DateTimeOffset.UtcNow.AddHours(1)));
        insert.ExecuteNonQuery();
        Assert.That(new SendLedger(_database, TimeProvider.System).TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.False);
    }

    // A process that has run and exited: its pid is free (until the kernel reuses it, far later).
    private static int DeadPid()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
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
