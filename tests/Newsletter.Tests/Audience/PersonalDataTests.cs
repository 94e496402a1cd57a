// `subscribers show --format json` writes everything the store holds about one person, whichever engine holds it.
using System.Text.Json;
using Newsletter.Audience;
using Newsletter.Audience.Suppression;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Polls;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class PersonalDataTests(StoreKind kind)
{
    private TestStore _test = null!;
    private Database _database = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _database = _test.Database;
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [Test]
    public void Write_SubscriberWithEveryKindOfRecord_ListsEachOne()
    {
        var subscribers = new SubscriberStore(_database, TimeProvider.System);
        var ada = subscribers.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro" }, tags: ["rust"]);
        subscribers.Add("bob@example.com", "Bob");
        var issue = new IssueStore(_database, TimeProvider.System).Register(IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n")).Id;
        var ledger = new SendLedger(_database, TimeProvider.System);
        ledger.Prepare(issue, "2026-11-20-x", "example.com");
        using (var session = ledger.OpenSession())
            foreach (var delivery in ledger.Claim(issue, 10)) session.Finish(delivery.Id, DeliveryStatus.Sent);
        new VoteStore(_database, TimeProvider.System).Record(issue, ada.Id, 4);
        using (var connection = _database.Connect())
        using (var bounce = connection.CreateCommand())
        {
            bounce.CommandText = "INSERT INTO bounces (subscriber_id, issue_id, kind, status_code, diagnostic, recipient, report_message_id, received_at) " +
                "VALUES (@id, @issue, 'soft', '4.2.2', 'mailbox full', 'ada@example.com', 'r1@mx', '2026-11-21T08:00:00.000Z')";
            bounce.Bind("@id", ada.Id);
            bounce.Bind("@issue", issue);
            bounce.ExecuteNonQuery();
        }
        new Unsubscribes(_database, TimeProvider.System).Unsubscribe(ada.Id, issue, UnsubscribeSource.OneClick);

        var json = Write(subscribers.FindById(ada.Id)!);

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("email").GetString(), Is.EqualTo("ada@example.com"));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("unsubscribed"));
            Assert.That(json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "rust" }));
            Assert.That(json.GetProperty("fields").GetProperty("plan").GetString(), Is.EqualTo("pro"));
            var delivery = json.GetProperty("deliveries").EnumerateArray().Single();
            Assert.That((delivery.GetProperty("issue").GetString(), delivery.GetProperty("status").GetString()), Is.EqualTo(("2026-11-20-x", "sent")));
            Assert.That(delivery.GetProperty("sent_at").GetString(), Does.EndWith("Z"));
            var vote = json.GetProperty("votes").EnumerateArray().Single();
            Assert.That((vote.GetProperty("issue").GetString(), vote.GetProperty("rating").GetInt32()), Is.EqualTo(("2026-11-20-x", 4)));
            var bounce = json.GetProperty("bounces").EnumerateArray().Single();
            Assert.That((bounce.GetProperty("kind").GetString(), bounce.GetProperty("status_code").GetString(), bounce.GetProperty("diagnostic").GetString()),
                Is.EqualTo(("soft", "4.2.2", "mailbox full")));
            Assert.That(bounce.GetProperty("received_at").GetString(), Is.EqualTo("2026-11-21T08:00:00.000Z"));
            var unsubscribe = json.GetProperty("unsubscribes").EnumerateArray().Single();
            Assert.That((unsubscribe.GetProperty("issue").GetString(), unsubscribe.GetProperty("source").GetString()), Is.EqualTo(("2026-11-20-x", "one-click")));
        });
    }

    [Test]
    public void Write_SubscriberWithNothingElse_HasEmptyLists()
    {
        var subscribers = new SubscriberStore(_database, TimeProvider.System);
        var json = Write(subscribers.Add("ada@example.com", null));

        foreach (var list in new[] { "deliveries", "votes", "bounces", "unsubscribes" })
            Assert.That(json.GetProperty(list).GetArrayLength(), Is.Zero, list);
    }

    private JsonElement Write(Subscriber subscriber)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            new PersonalData(_database).Write(subscriber, writer);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}
