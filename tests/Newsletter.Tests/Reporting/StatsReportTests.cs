using System.Text.Json;
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Delivery.Bounces;
using Newsletter.Polls;
using Newsletter.Reporting;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Reporting;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class StatsReportTests(StoreKind kind)
{
    private TestStore _test = null!;

    [SetUp]
    public void SetUp() => _test = TestStore.Create(kind);

    [TearDown]
    public void TearDown() => _test.Dispose();

    private static StatsReport Report(Database database) => new(new IssueStore(database, TimeProvider.System),
        new VoteStore(database, TimeProvider.System), new BounceStore(database), new Unsubscribes(database, TimeProvider.System));

    // Four readers get the issue; one unsubscribes through it, one bounces hard (and that delivery turns 'bounced'),
    // one draws two soft bounces and one complains. The figures are read back by a second opening of the store.
    [Test]
    public void For_StoreReopened_CountsUnsubscribesBouncesAndComplaintsAsRatesOfDelivered()
    {
        long issueId;
        {
            var database = _test.Database;
            var subscribers = new SubscriberStore(database, TimeProvider.System);
            var ids = Enumerable.Range(0, 4).Select(i => subscribers.Add($"r{i}@example.com", null).Id).ToList();
            var other = new IssueStore(database, TimeProvider.System).Register(IssueParser.Parse("issues/2026-11-13-y.md", "---\ntitle: Y\n---\nBody\n")).Id;
            issueId = new IssueStore(database, TimeProvider.System).Register(IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n")).Id;
            var ledger = new SendLedger(database, TimeProvider.System);
            ledger.Prepare(issueId, "2026-11-20-x", "example.com");
            var deliveries = ledger.Claim(issueId, 10).ToDictionary(d => d.Subscriber.Id, d => d.Id);
            using (var session = ledger.OpenSession())
                foreach (var id in deliveries.Values) session.Finish(id, DeliveryStatus.Sent);

            var unsubscribes = new Unsubscribes(database, TimeProvider.System);
            unsubscribes.Unsubscribe(ids[0], issueId, UnsubscribeSource.OneClick);
            unsubscribes.Unsubscribe(ids[0], issueId, UnsubscribeSource.Link);
            unsubscribes.Unsubscribe(ids[1], other, UnsubscribeSource.Link);
            using var connection = database.Connect();
            void Bounce(long subscriber, string kind, string report)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO bounces (delivery_id, subscriber_id, issue_id, kind, report_message_id, received_at) " +
                    "VALUES (@d, @s, @i, @k, @r, '2026-11-21T08:00:00Z')";
                insert.Bind("@d", deliveries[subscriber]);
                insert.Bind("@s", subscriber);
                insert.Bind("@i", issueId);
                insert.Bind("@k", kind);
                insert.Bind("@r", report);
                insert.ExecuteNonQuery();
            }
            Bounce(ids[1], "hard", "a");
            using (var mark = connection.CreateCommand())
            {
                mark.CommandText = "UPDATE deliveries SET status = 'bounced' WHERE id = @id";
                mark.Bind("@id", deliveries[ids[1]]);
                mark.ExecuteNonQuery();
            }
            Bounce(ids[2], "soft", "b");
            Bounce(ids[2], "soft", "c");
            Bounce(ids[3], "complaint", "d");
        }

        var reopened = _test.Reopen();
        var stats = Report(reopened).For(new IssueStore(reopened, TimeProvider.System).FindById(issueId)!);

        Assert.Multiple(() =>
        {
            Assert.That(stats.Delivered, Is.EqualTo(4), "a delivery that bounced later was still accepted");
            Assert.That(stats.Unsubscribes, Is.EqualTo(1), "one person, once; the unsubscribe through another issue is not this one's");
            Assert.That(stats.UnsubscribeRate, Is.EqualTo(0.25));
            Assert.That(stats.Bounces, Is.EqualTo(new BounceCounts(1, 1, 1)), "two soft bounces of one reader count once");
            Assert.That(stats.HardBounceRate, Is.EqualTo(0.25));
            Assert.That(stats.SoftBounceRate, Is.EqualTo(0.25));
            Assert.That(stats.ComplaintRate, Is.EqualTo(0.25));
        });
        var json = JsonDocument.Parse(JsonSerializer.Serialize(stats)).RootElement;
        Assert.That(json.GetProperty("unsubscribes").GetInt32(), Is.EqualTo(1));
        Assert.That(json.GetProperty("unsubscribe_rate").GetDouble(), Is.EqualTo(0.25));
        Assert.That(json.GetProperty("complaint_rate").GetDouble(), Is.EqualTo(0.25));
        Assert.That(json.GetProperty("bounces").GetProperty("soft").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void For_NothingDelivered_RatesAreNull()
    {
        var database = _test.Database;
        var record = new IssueStore(database, TimeProvider.System).Register(IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n"));
        var stats = Report(database).For(record);
        Assert.That(stats.Unsubscribes, Is.Zero);
        Assert.That(stats.UnsubscribeRate, Is.Null);
        Assert.That(stats.HardBounceRate, Is.Null);
    }
}
