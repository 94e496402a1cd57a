// The way back from a relay that refused everyone: list the subscribers sends suppressed, and restore them.
using Newsletter.Audience;
using Newsletter.Audience.Suppression;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class BouncedSuppressionsTests(StoreKind kind)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private TestStore _test = null!;
    private Database _database = null!;
    private SubscriberStore _subscribers = null!;
    private BouncedSuppressions _suppressions = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _database = _test.Database;
        _subscribers = new SubscriberStore(_database, TimeProvider.System);
        _suppressions = new BouncedSuppressions(_database, new ManualClock(Now));
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [Test]
    public void Find_SubscriberBouncedByTwoSends_IsListedOnceWithTheNewestBounce()
    {
        var ada = Bounced("ada@example.com");
        Deliver(Issue("2026-11-13-one"), ada, "bounced", "550 5.0.0 refused", Now.AddDays(-9));
        Deliver(Issue("2026-11-20-two"), ada, "bounced", "550 5.7.1 relay says no", Now.AddDays(-2));
        var three = Issue("2026-11-21-three");
        Deliver(three, Bounced("bob@example.com"), "sent", null, Now.AddDays(-1)); // suppressed by hand, not by a send
        Deliver(three, _subscribers.Add("cy@example.com", null).Id, "bounced", "550", Now.AddDays(-1)); // active again since

        var found = _suppressions.Find(null, null);

        Assert.That(found, Is.EqualTo(new[] { new BouncedSubscriber(ada, "ada@example.com", "2026-11-20-two", "550 5.7.1 relay says no", Now.AddDays(-2)) }));
    }

    [Test]
    public void Find_SinceOrIssue_KeepsOnlyThoseBounces()
    {
        var ada = Bounced("ada@example.com");
        var bob = Bounced("bob@example.com");
        Deliver(Issue("2026-11-13-one"), ada, "bounced", null, Now.AddDays(-9));
        Deliver(Issue("2026-11-20-two"), bob, "bounced", "550", Now.AddDays(-2));

        Assert.Multiple(() =>
        {
            Assert.That(_suppressions.Find(Now.AddDays(-3), null).Select(b => b.Email), Is.EqualTo(new[] { "bob@example.com" }));
            Assert.That(_suppressions.Find(null, "2026-11-13-one").Select(b => (b.Email, b.Reply)), Is.EqualTo(new[] { ("ada@example.com", (string?)null) }));
            Assert.That(_suppressions.Find(null, "2026-12-01-none"), Is.Empty);
        });
    }

    [Test]
    public void Restore_BouncedSubscribers_AreActiveAgainWithTheirDeliveriesQueued()
    {
        var ada = Bounced("ada@example.com");
        var issue = Issue("2026-11-20-two");
        Deliver(issue, ada, "bounced", "550 5.7.1 relay says no", Now.AddDays(-2));
        var found = _suppressions.Find(null, null);

        Assert.That(_suppressions.Restore(found), Is.EqualTo(1));
        Assert.That(_suppressions.Restore(found), Is.Zero, "no longer bounced");

        Assert.That(_subscribers.FindById(ada)!.Status, Is.EqualTo(SubscriberStatus.Active));
        Assert.That(new SendLedger(_database, TimeProvider.System).Counts(issue)[DeliveryStatus.Pending], Is.EqualTo(1));
        Assert.That(Scalar("SELECT last_error FROM deliveries WHERE subscriber_id = @p", ada), Is.EqualTo("restored after a bounce: 550 5.7.1 relay says no"));
        Assert.That(_suppressions.Find(null, null), Is.Empty);
    }

    private long Bounced(string email)
    {
        var id = _subscribers.Add(email, null).Id;
        _subscribers.SetStatus(id, SubscriberStatus.Bounced);
        return id;
    }

    private long Issue(string slug) =>
        new IssueStore(_database, TimeProvider.System).Register(IssueParser.Parse($"issues/{slug}.md", "---\ntitle: X\n---\nBody\n")).Id;

    private void Deliver(long issue, long subscriber, string status, string? reply, DateTimeOffset at)
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, last_error, updated_at) " +
            "VALUES (@issue, @subscriber, @status, @message_id, @reply, @at)";
        command.Bind("@issue", issue);
        command.Bind("@subscriber", subscriber);
        command.Bind("@status", status);
        command.Bind("@message_id", $"{issue}.{subscriber}@example.com");
        command.Bind("@reply", reply);
        command.Bind("@at", StoredTime.ToText(at));
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, object parameter)
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Bind("@p", parameter);
        return command.ExecuteScalar();
    }
}
