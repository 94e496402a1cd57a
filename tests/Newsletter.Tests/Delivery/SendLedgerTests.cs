using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Delivery;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SendLedgerTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _subscribers = null!;
    private long _issueId;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _database = _test.Database;
        _subscribers = new SubscriberStore(_database, TimeProvider.System);
        for (var i = 0; i < 5; i++) _subscribers.Add($"reader{i}@example.com", $"Reader {i}");
        var issue = IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n");
        _issueId = new IssueStore(_database, TimeProvider.System).Register(issue).Id;
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

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
        // As a send does: on PostgreSQL a claim is a live worker's only while its lease says so.
        Assert.That(ledger.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
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
        OnlyOn(StoreKind.Sqlite);
        using var connection = _database.Connect();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO send_leases (issue_id, holder, expires_at) VALUES (@issue, @holder, @expires)";
        insert.Bind("@issue", _issueId);
        insert.Bind("@holder", $"{Environment.MachineName}:{DeadPid()}:abcdef01");
        insert.Bind("@expires", StoredTime.ToText(DateTimeOffset.UtcNow.AddHours(1)));
        insert.ExecuteNonQuery();
        Assert.That(new SendLedger(_database, TimeProvider.System).TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
    }

    [Test]
    public void Lease_HeldByLiveProcess_IsNotTakenBeforeItExpires()
    {
        OnlyOn(StoreKind.Sqlite);
        using var connection = _database.Connect();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO send_leases (issue_id, holder, expires_at) VALUES (@issue, @holder, @expires)";
        insert.Bind("@issue", _issueId);
        insert.Bind("@holder", $"{Environment.MachineName}:1:abcdef01");
        insert.Bind("@expires", StoredTime.ToText(DateTimeOffset.UtcNow.AddHours(1)));
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
        OnlyOn(StoreKind.Sqlite);
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
        OnlyOn(StoreKind.Sqlite);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var crashed = new SendLedger(_database, clock);
        Assert.That(crashed.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.That(new SendLedger(_database, clock).TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
    }

    [Test]
    public void Workers_SharedStore_SecondRunJoinsTheSendAndLeavesIt()
    {
        OnlyOn(StoreKind.Postgres);
        var first = new SendLedger(_database, TimeProvider.System);
        var second = new SendLedger(_database, TimeProvider.System);
        Assert.That(first.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True);
        Assert.That(second.TryTakeLease(_issueId, TimeSpan.FromMinutes(5)), Is.True, "several workers send one issue together");
        Assert.That(first.Senders(_issueId), Is.EquivalentTo(new[] { first.RunId, second.RunId }));
        first.ReleaseLease(_issueId);
        Assert.That(second.Senders(_issueId), Is.EqualTo(new[] { second.RunId }));
    }

    [Test]
    public void Prepare_SharedStoreLiveWorkersClaim_IsLeftToIt()
    {
        OnlyOn(StoreKind.Postgres);
        var other = new SendLedger(_database, TimeProvider.System);
        other.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        other.Prepare(_issueId, "s", "example.com");
        Hand(other, other.Claim(_issueId, 2)[0].Id);

        var ledger = new SendLedger(_database, TimeProvider.System);
        ledger.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        Assert.That(ledger.Prepare(_issueId, "s", "example.com").Recovered, Is.EqualTo(0));
        Assert.That(ledger.Counts(_issueId)[DeliveryStatus.Sending], Is.EqualTo(2));
        Assert.That(ledger.Claim(_issueId, 10), Has.Count.EqualTo(3), "only the rows nobody claimed");
    }

    [Test]
    public void Prepare_SharedStoreWorkerLeaseExpired_ItsClaimsReturnAndHandedOnesAreCounted()
    {
        OnlyOn(StoreKind.Postgres);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var crashed = new SendLedger(_database, clock);
        crashed.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        crashed.Prepare(_issueId, "s", "example.com");
        Hand(crashed, crashed.Claim(_issueId, 2)[0].Id);
        clock.Advance(TimeSpan.FromMinutes(6));

        var rerun = new SendLedger(_database, clock);
        rerun.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        Assert.That(rerun.Prepare(_issueId, "s", "example.com").Recovered, Is.EqualTo(1));
        Assert.That(rerun.Counts(_issueId)[DeliveryStatus.Pending], Is.EqualTo(5));
        Assert.That(rerun.Senders(_issueId), Is.EqualTo(new[] { rerun.RunId }));
    }

    [Test]
    public void Prepare_SharedStoreWorkerProcessGoneOnThisMachine_ItsClaimsReturnAtOnce()
    {
        OnlyOn(StoreKind.Postgres);
        var dead = $"{Environment.MachineName}:{DeadPid()}:abcdef01";
        using (var connection = _database.Connect())
        using (var claim = connection.CreateCommand())
        {
            claim.CommandText = """
                INSERT INTO send_workers (issue_id, holder, expires_at) VALUES (@issue, @holder, @expires);
                INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at, claimed_by, handed_at)
                SELECT @issue, id, 'sending', 's.' || id || '@example.com', @now, @holder, CASE WHEN id = min(id) OVER () THEN @now END
                FROM subscribers;
                """;
            claim.Bind("@issue", _issueId);
            claim.Bind("@holder", dead);
            claim.Bind("@expires", StoredTime.ToText(DateTimeOffset.UtcNow.AddHours(1)));
            claim.Bind("@now", StoredTime.ToText(DateTimeOffset.UtcNow));
            claim.ExecuteNonQuery();
        }

        var rerun = new SendLedger(_database, TimeProvider.System);
        rerun.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        Assert.That(rerun.Prepare(_issueId, "s", "example.com"), Is.EqualTo((1, 0)));
        Assert.That(rerun.Counts(_issueId)[DeliveryStatus.Pending], Is.EqualTo(5));
    }

    [Test]
    public void Claim_SharedStoreHourlyBudget_IsSharedByTheWorkers()
    {
        OnlyOn(StoreKind.Postgres);
        var first = new SendLedger(_database, TimeProvider.System);
        var second = new SendLedger(_database, TimeProvider.System);
        first.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        second.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        first.Prepare(_issueId, "s", "example.com");

        var claimed = first.Claim(_issueId, 2, messagesPerHour: 3);
        Assert.That(claimed, Has.Count.EqualTo(2));
        Assert.That(second.HourlyBudgetLeft(3), Is.EqualTo(1), "a live worker's claims are spent budget");
        Assert.That(second.Claim(_issueId, 5, messagesPerHour: 3), Has.Count.EqualTo(1), "only what the budget has left");
        foreach (var delivery in claimed) Finish(first, delivery.Id, DeliveryStatus.Sent);
        Assert.That(second.Claim(_issueId, 5, messagesPerHour: 3), Is.Empty, "sent within the hour still counts");
        Assert.That(first.HourlyBudgetLeft(3), Is.EqualTo(0));
        Assert.That(first.HourlyBudgetLeft(0), Is.EqualTo(int.MaxValue), "0 is no limit");
    }

    [Test]
    public void LiveWorkers_SharedStore_CountsTheWorkersWhoseLeaseHolds()
    {
        OnlyOn(StoreKind.Postgres);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var first = new SendLedger(_database, clock);
        var second = new SendLedger(_database, clock);
        first.TryTakeLease(_issueId, TimeSpan.FromMinutes(5));
        second.TryTakeLease(_issueId, TimeSpan.FromMinutes(1));
        Assert.That(first.LiveWorkers(), Is.EqualTo(2));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(first.LiveWorkers(), Is.EqualTo(1), "the per-second rate is split among live workers only");
    }

    [Test]
    public void Prepare_UnsubscribedSubscriber_IsNotEnqueued()
    {
        var ada = _subscribers.FindByEmail("reader0@example.com")!;
        _subscribers.SetStatus(ada.Id, SubscriberStatus.Unsubscribed);
        Assert.That(new SendLedger(_database, TimeProvider.System).Prepare(_issueId, "s", "example.com").Enqueued, Is.EqualTo(4));
    }

    // Leases differ by design: SQLite has one sender per issue (send_leases), PostgreSQL workers share it (send_workers).
    private void OnlyOn(StoreKind only)
    {
        if (kind != only) Assert.Ignore($"a lease rule of the {only} store");
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
