// `db copy`: a filled SQLite workspace moved into an empty PostgreSQL database arrives whole and stays usable.
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Audience.Suppression;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Polls;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Storage;

[Platform(Exclude = "Win")]
public class DatabaseCopyTests
{
    private TestStore _source = null!;
    private TestStore _target = null!;

    [SetUp]
    public void SetUp()
    {
        _source = TestStore.Create(StoreKind.Sqlite);
        _target = TestStore.Create(StoreKind.Postgres);
    }

    [TearDown]
    public void TearDown()
    {
        _target.Dispose();
        _source.Dispose();
    }

    [Test]
    public void Run_FilledSqliteIntoEmptyPostgres_EveryTableArrivesWithEqualCountAndChecksum()
    {
        Fill(_source);

        var results = DatabaseCopy.Run(_source.Database, _target.Database);

        Assert.That(results.Select(r => r.Table), Is.EqualTo(StoreTables.All.Select(t => t.Name)));
        Assert.Multiple(() =>
        {
            foreach (var result in results)
            {
                Assert.That(result.Source.Rows, Is.GreaterThan(0), $"{result.Table}: the test fills every table");
                Assert.That(result.Target, Is.EqualTo(result.Source), result.Table);
                Assert.That(Count(_target.Database, result.Table), Is.EqualTo(Count(_source.Database, result.Table)), result.Table);
            }
        });
    }

    [Test]
    public void Run_Copied_TheCopyAnswersAsTheSourceDid()
    {
        Fill(_source);

        DatabaseCopy.Run(_source.Database, _target.Database);

        var target = _target.Reopen();
        var (from, to) = (new SubscriberStore(_source.Database, TimeProvider.System), new SubscriberStore(target, TimeProvider.System));
        Assert.Multiple(() =>
        {
            Assert.That(to.List().Select(Describe), Is.EqualTo(from.List().Select(Describe)));
            foreach (var segment in new[] { "tag:rust", "plan = pro", "not tag:go" })
                Assert.That(to.Count(CompiledSegment.Compile(segment)), Is.EqualTo(from.Count(CompiledSegment.Compile(segment))), segment);
            Assert.That(new ErasedAddresses(target).IsErased("dee@example.com"), Is.True, "the erasure salt came along, so old hashes still match");
            var issue = new IssueStore(target, TimeProvider.System).FindBySlug("2026-11-20-first")!;
            Assert.That(new VoteStore(target, TimeProvider.System).Find(issue.Id, from.FindByEmail("ada@example.com")!.Id), Is.EqualTo(new CurrentVote(4, "more like this")));
            Assert.That(new SendLedger(target, TimeProvider.System).Counts(issue.Id)[DeliveryStatus.Sent], Is.EqualTo(3));
        });
    }

    [Test]
    public void Run_Copied_NewRowsTakeFreshIds()
    {
        Fill(_source);
        var maxSubscriber = new SubscriberStore(_source.Database, TimeProvider.System).MaxId();
        var maxIssue = new IssueStore(_source.Database, TimeProvider.System).List().Max(i => i.Id);

        DatabaseCopy.Run(_source.Database, _target.Database);

        var target = _target.Reopen();
        var subscribers = new SubscriberStore(target, TimeProvider.System);
        var added = subscribers.Add("new@example.com", "New");
        var issue = new IssueStore(target, TimeProvider.System).Register(IssueParser.Parse("issues/2026-12-04-later.md", "---\ntitle: Later\n---\nBody\n"));
        var ledger = new SendLedger(target, TimeProvider.System);
        var (_, enqueued) = ledger.Prepare(issue.Id, "2026-12-04-later", "example.com");
        var votes = new VoteStore(target, TimeProvider.System);
        Assert.Multiple(() =>
        {
            Assert.That(added.Id, Is.GreaterThan(maxSubscriber));
            Assert.That(subscribers.FindById(added.Id)!.Email, Is.EqualTo("new@example.com"));
            Assert.That(issue.Id, Is.GreaterThan(maxIssue));
            Assert.That(enqueued, Is.EqualTo(subscribers.Count(CompiledSegment.Everyone)), "deliveries too: no id is taken twice");
            Assert.That(votes.Record(issue.Id, added.Id, 5), Is.True, "vote_history");
            Assert.That(new Unsubscribes(target, TimeProvider.System).Unsubscribe(added.Id, issue.Id, UnsubscribeSource.Link), Is.True, "unsubscribes");
        });
    }

    [Test]
    public void Run_TargetAlreadyHoldsSubscribers_IsRefusedAndLeftAsItWas()
    {
        Fill(_source);
        new SubscriberStore(_target.Database, TimeProvider.System).Add("someone@example.com", null);

        Assert.That(() => DatabaseCopy.Run(_source.Database, _target.Database), Throws.TypeOf<StorageException>().With.Message
            .EqualTo($"the target {_target.Database.Display} already holds subscribers or issues; copy only into a new database"));
        Assert.That(new SubscriberStore(_target.Database, TimeProvider.System).List().Select(s => s.Email), Is.EqualTo(new[] { "someone@example.com" }));
    }

    [Test]
    public void Run_TargetNotMigrated_IsRefusedNamingDbMigrate()
    {
        var empty = TestStore.NewPostgresDatabase();
        try
        {
            var target = Database.OpenForMigration(empty);

            Assert.That(() => DatabaseCopy.Run(_source.Database, target), Throws.TypeOf<StorageException>().With.Message
                .EqualTo($"the target {target.Display} has schema version 0 and the source {Migrator.LatestVersion}; run 'newsletter db migrate' on both first"));
        }
        finally
        {
            TestStore.DropPostgresDatabase(empty);
        }
    }

    [Test]
    public void Run_TargetIsSqlite_IsRefused()
    {
        using var other = TestStore.Create(StoreKind.Sqlite);

        Assert.That(() => DatabaseCopy.Run(_source.Database, other.Database), Throws.TypeOf<StorageException>().With.Message.StartsWith("db copy --to needs a PostgreSQL address"));
    }

    // A bit of everything in every table, through the product where it writes the table and by hand where only
    // another process would (a second sender's lease, a web server's fetch and sign-up records).
    private static void Fill(TestStore store)
    {
        var database = store.Database;
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero));
        var subscribers = new SubscriberStore(database, clock);
        var ada = subscribers.Add("ada@example.com", "Lovelace, Ada", new Dictionary<string, string> { ["plan"] = "pro", ["city"] = "London" }, tags: ["rust", "go"]);
        subscribers.Add("zoe@bücher.example", "Zoë \"Z\" Ünal", new Dictionary<string, string> { ["note"] = "line one\nline two" }, tags: ["rust"]);
        new SubscriberCsvImporter(database, clock).Import(store.Workspace.Write("list.csv",
            "email,first_name,last_name,tags,plan\ngrace@example.com,Grace,Hopper,navy,pro\ndee@example.com,Dee,,,free\n"));
        subscribers.AddPending("pending@example.com", null, "signup");

        var issues = new IssueStore(database, clock);
        var first = issues.Register(IssueParser.Parse("issues/2026-11-20-first.md", "---\ntitle: First\n---\nBody\n")).Id;
        var second = issues.Register(IssueParser.Parse("issues/2026-11-27-second.md", "---\ntitle: Second\n---\nBody\n")).Id;
        issues.Schedule(second, clock.GetUtcNow().AddDays(7));

        var ledger = new SendLedger(database, clock);
        Assert.That(ledger.TryTakeLease(first, TimeSpan.FromMinutes(5)), Is.True);
        ledger.Prepare(first, "2026-11-20-first", "example.com");
        using (var session = ledger.OpenSession())
        {
            var claimed = ledger.Claim(first, 10);
            foreach (var delivery in claimed.Take(3)) session.Finish(delivery.Id, DeliveryStatus.Sent);
            session.Finish(claimed[3].Id, DeliveryStatus.Deferred, "451 4.3.0 try later", clock.GetUtcNow().AddMinutes(5));
        }

        var votes = new VoteStore(database, clock);
        votes.Record(first, ada.Id, 2);
        votes.Record(first, ada.Id, 4);
        votes.SaveComment(first, ada.Id, "more like this");
        var grace = subscribers.FindByEmail("grace@example.com")!.Id;
        new Unsubscribes(database, clock).Unsubscribe(grace, first, UnsubscribeSource.OneClick);
        new Erasure(subscribers, new ErasedAddresses(database), clock).Forget("dee@example.com");

        Execute(database, "INSERT INTO bounces (subscriber_id, issue_id, kind, status_code, diagnostic, recipient, matched_by, report_message_id, received_at) " +
            "VALUES (@s, @i, 'soft', '4.2.2', 'mailbox full', 'ada@example.com', 'recipient', 'r1@mx', '2026-11-21T08:00:00.000Z')", ("@s", ada.Id), ("@i", first));
        Execute(database, "INSERT INTO send_workers (issue_id, holder, expires_at) VALUES (@i, 'other:42:abcdef01', '2026-11-20T07:05:00.000Z')", ("@i", first));
        Execute(database, "INSERT INTO poll_fetches (issue_id, subscriber_id, rating, fetched_at) VALUES (@i, @s, 3, '2026-11-20T07:01:00.000Z')", ("@i", first), ("@s", ada.Id));
        Execute(database, "INSERT INTO signup_attempts (key, at) VALUES ('address:pending@example.com', '2026-11-20T07:02:00.000Z')");
    }

    private static string Describe(Subscriber s) =>
        $"{s.Id} {s.Email} {s.Name} {s.GivenName} {s.FamilyName} {s.Status} {s.Source} {string.Join(',', s.Tags)} " +
        $"{string.Join(',', s.Fields.Select(f => f.Key + "=" + f.Value))} {s.CreatedAt:O} {s.ConfirmedAt:O} {s.StatusChangedAt:O}";

    private static long Count(Database database, string table)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return command.ScalarLong();
    }

    private static void Execute(Database database, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Bind(name, value);
        command.ExecuteNonQuery();
    }
}
