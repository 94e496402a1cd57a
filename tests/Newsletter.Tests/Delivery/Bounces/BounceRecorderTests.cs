using System.Security.Cryptography;
using Newsletter.Audience;
using Newsletter.Delivery.Bounces;
using Newsletter.Storage;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Delivery.Bounces;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class BounceRecorderTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _subscribers = null!;
    private VerpAddress _verp = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _database = _test.Database;
        _subscribers = new SubscriberStore(_database, TimeProvider.System);
        _verp = new VerpAddress("bounces@news.example.com", new SigningKeyRing([RandomNumberGenerator.GetBytes(32)]));
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [Test]
    public void Record_HardBounceWithVerpToken_SuppressesTheSubscriberAndMarksTheDeliveryBounced()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        var delivery = Deliver(Issue("one"), ada.Id);
        var outcome = Recorder().Record(Report(BounceKind.HardBounce, "someone-else@example.com", token: _verp.TokenFor(delivery)), "r1@mx");
        Assert.That(outcome.Match.Method, Is.EqualTo(MatchMethod.Verp));
        Assert.That(outcome.Match.DeliveryId, Is.EqualTo(delivery));
        Assert.That(outcome.Suppressed, Is.True);
        Assert.That(_subscribers.FindById(ada.Id)!.Status, Is.EqualTo(SubscriberStatus.Bounced));
        Assert.That(Scalar($"SELECT status FROM deliveries WHERE id = {delivery}"), Is.EqualTo("bounced"));
    }

    [Test]
    public void Record_SameReportTwice_RecordsItOnce()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        Deliver(Issue("one"), ada.Id);
        var recorder = Recorder();
        var first = recorder.Record(Report(BounceKind.SoftBounce, "ada@example.com"), "same@mx");
        var second = recorder.Record(Report(BounceKind.SoftBounce, "ada@example.com"), "same@mx");
        Assert.That((first.Recorded, second.Recorded, second.Duplicate), Is.EqualTo((true, false, true)));
        Assert.That(Scalar("SELECT count(*) FROM bounces"), Is.EqualTo(1L));
    }

    [Test]
    public void Record_ComplaintWithReturnedMessageId_MarksTheSubscriberComplained()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        var bob = _subscribers.Add("bob@example.com", null);
        var issue = Issue("one");
        Deliver(issue, ada.Id);
        Deliver(issue, bob.Id);
        var outcome = Recorder().Record(Report(BounceKind.Complaint, null, originalId: $"one.{bob.Id}@news.example.com"), "arf@isp");
        Assert.That(outcome.Match.Method, Is.EqualTo(MatchMethod.MessageId));
        Assert.That(_subscribers.FindById(bob.Id)!.Status, Is.EqualTo(SubscriberStatus.Complained));
        Assert.That(_subscribers.FindById(ada.Id)!.Status, Is.EqualTo(SubscriberStatus.Active));
    }

    [Test]
    public void Record_SoftBouncesInARow_SuppressOnlyAtTheLimit()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        var recorder = Recorder(limit: 3);
        for (var i = 1; i <= 3; i++)
        {
            var delivery = Deliver(Issue("issue-" + i), ada.Id);
            var outcome = recorder.Record(Report(BounceKind.SoftBounce, "ada@example.com", token: _verp.TokenFor(delivery)), $"soft{i}@mx");
            Assert.That(outcome.Suppressed, Is.EqualTo(i == 3), $"after soft bounce {i}");
        }
        Assert.That(_subscribers.FindById(ada.Id)!.Status, Is.EqualTo(SubscriberStatus.Bounced));
    }

    [Test]
    public void Record_TwoSoftBouncesOfOneDelivery_CountOnceTowardsTheLimit()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        var recorder = Recorder(limit: 2);
        var delivery = Deliver(Issue("one"), ada.Id);
        recorder.Record(Report(BounceKind.SoftBounce, "ada@example.com", token: _verp.TokenFor(delivery)), "delay@mx");
        var again = recorder.Record(Report(BounceKind.SoftBounce, "ada@example.com", token: _verp.TokenFor(delivery)), "fail@mx");
        Assert.That(again.Suppressed, Is.False);
        Assert.That(_subscribers.FindById(ada.Id)!.Status, Is.EqualTo(SubscriberStatus.Active));
    }

    [Test]
    public void Record_DeliveryWentThroughBetweenSoftBounces_StartsTheStreakAgain()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        var recorder = Recorder(limit: 2);
        var first = Deliver(Issue("one"), ada.Id);
        recorder.Record(Report(BounceKind.SoftBounce, null, token: _verp.TokenFor(first)), "s1@mx");
        Deliver(Issue("two"), ada.Id);
        var third = Deliver(Issue("three"), ada.Id);
        var outcome = recorder.Record(Report(BounceKind.SoftBounce, null, token: _verp.TokenFor(third)), "s3@mx");
        Assert.That(outcome.Suppressed, Is.False);
        Assert.That(_subscribers.FindById(ada.Id)!.Status, Is.EqualTo(SubscriberStatus.Active));
    }

    [Test]
    public void Record_RecipientNotOnTheList_IsRecordedUnmatched()
    {
        var outcome = Recorder().Record(Report(BounceKind.HardBounce, "stranger@example.org"), "x@mx");
        Assert.That((outcome.Recorded, outcome.Match.Method), Is.EqualTo((true, MatchMethod.None)));
        Assert.That(Scalar("SELECT count(*) FROM bounces WHERE subscriber_id IS NULL AND delivery_id IS NULL"), Is.EqualTo(1L));
    }

    [Test]
    public void Record_HardBounceOfUnsubscribed_KeepsTheirStatus()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        _subscribers.SetStatus(ada.Id, SubscriberStatus.Unsubscribed);
        var outcome = Recorder().Record(Report(BounceKind.HardBounce, "ADA@example.com"), "h@mx");
        Assert.That((outcome.Match.Method, outcome.Suppressed), Is.EqualTo((MatchMethod.Recipient, false)));
        Assert.That(_subscribers.FindById(ada.Id)!.Status, Is.EqualTo(SubscriberStatus.Unsubscribed));
    }

    [Test]
    public void Record_ThenForget_LeavesNoBounceOfThePerson()
    {
        var ada = _subscribers.Add("ada@example.com", null);
        var delivery = Deliver(Issue("one"), ada.Id);
        Recorder().Record(Report(BounceKind.HardBounce, "ada@example.com", token: _verp.TokenFor(delivery)), "h@mx");
        var erasure = new Newsletter.Audience.Suppression.Erasure(_subscribers, new Newsletter.Audience.Suppression.ErasedAddresses(_database), TimeProvider.System);
        Assert.That(erasure.Forget("ada@example.com"), Is.True);
        Assert.That(Scalar("SELECT count(*) FROM bounces"), Is.EqualTo(0L));
    }

    private BounceRecorder Recorder(int limit = 3) => new(_database, _verp, limit, TimeProvider.System);

    private static BounceReport Report(BounceKind kind, string? recipient, string? token = null, string? originalId = null) =>
        new(kind, recipient, kind == BounceKind.HardBounce ? "5.1.1" : null, "test", originalId, token, null);

    private long Issue(string slug) => (long)Execute(
        "INSERT INTO issues (slug, title, subject, status, created_at) VALUES (@p, @p, @p, 'sent', '2026-11-20T07:00:00.000Z') RETURNING id", slug)!;

    private long Deliver(long issue, long subscriber)
    {
        var slug = (string)Execute("SELECT slug FROM issues WHERE id = @p", issue)!;
        return (long)Execute("INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at, sent_at) " +
            $"VALUES ({issue}, {subscriber}, 'sent', @p, '2026-11-20T07:00:00.000Z', '2026-11-20T07:00:00.000Z') RETURNING id",
            $"{slug}.{subscriber}@news.example.com")!;
    }

    private object? Scalar(string sql) => Execute(sql, null);

    private object? Execute(string sql, object? parameter)
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Bind("@p", parameter ?? DBNull.Value);
        return command.ExecuteScalar();
    }
}
