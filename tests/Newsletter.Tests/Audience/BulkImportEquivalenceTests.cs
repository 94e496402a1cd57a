// A first import large enough for PostgreSQL's bulk path must leave exactly what SQLite's row-by-row import leaves.
using System.Text;
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Audience.Suppression;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

/// <summary>
/// Runs one scenario on both engines: a small list (active, pending, complained, unsubscribed and erased people, with
/// fields and tags) and then a file of more rows than the list holds, which on PostgreSQL takes the bulk path (direct
/// COPY, rebuilt indexes, derived rows written by the importer). Every subscriber, every derived field row, every tag,
/// the report and a few segment counts must come out the same on both.
/// </summary>
[TestFixture]
public class BulkImportEquivalenceTests
{
    private const int Rows = 21_000;

    [Test]
    public void Import_LargerThanTheList_LeavesWhatSqliteLeaves()
    {
        using var sqlite = TestStore.Create(StoreKind.Sqlite);
        using var postgres = TestStore.Create(StoreKind.Postgres);
        var expected = Run(sqlite);
        var actual = Run(postgres);

        Assert.That(actual.Report, Is.EqualTo(expected.Report));
        Assert.That(actual.Subscribers, Has.Count.EqualTo(Rows + 2), "the list's four (the erased one is gone) and every new row");
        Assert.That(actual.Subscribers, Is.EqualTo(expected.Subscribers));
        Assert.That(actual.FieldRows, Is.EqualTo(expected.FieldRows));
        Assert.That(actual.Segments, Is.EqualTo(expected.Segments));
    }

    [Test]
    public void Import_LargerThanTheList_PutsBackEveryIndexKeyAndTrigger()
    {
        using var postgres = TestStore.Create(StoreKind.Postgres);
        var before = Schema(postgres);
        Run(postgres);
        Assert.That(Schema(postgres), Is.EqualTo(before));

        // The trigger is live again and the id block was reserved: a sign-up after the import gets a new id and its field row.
        var store = new SubscriberStore(postgres.Database, TimeProvider.System);
        var later = store.Add("later@example.com", "Later", new Dictionary<string, string> { ["plan"] = "Late" });
        Assert.That(store.List().Count(s => s.Id == later.Id), Is.EqualTo(1));
        Assert.That(store.Count(CompiledSegment.Compile("plan = late")), Is.EqualTo(1));
    }

    [Test]
    public void Import_LargerThanTheListFailing_LeavesTheListAndSchemaAsTheyWere()
    {
        using var postgres = TestStore.Create(StoreKind.Postgres);
        var store = new SubscriberStore(postgres.Database, TimeProvider.System);
        store.Add("first@example.com", "First");
        using (var connection = postgres.Database.Connect())
        using (var trigger = connection.CreateCommand())
        {
            trigger.CommandText = """
                CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF new.tag = 'boom' THEN RAISE EXCEPTION 'boom'; END IF;
                    RETURN new;
                END $$;
                CREATE TRIGGER test_boom BEFORE INSERT ON subscriber_tags FOR EACH ROW EXECUTE FUNCTION test_boom();
                """;
            trigger.ExecuteNonQuery();
        }
        var before = Schema(postgres);
        var file = postgres.Workspace.Write("big.csv",
            "email,tags\n" + string.Concat(Enumerable.Range(0, Rows).Select(i => $"r{i}@example.com,{(i == Rows - 1 ? "boom" : "fine")}\n")));

        var error = Assert.Throws(Is.InstanceOf<System.Data.Common.DbException>(),
            () => new SubscriberCsvImporter(postgres.Database, TimeProvider.System).Import(file));

        Assert.That(error!.Message, Does.Contain("boom"));
        Assert.That(store.List().Select(s => s.Email), Is.EqualTo(new[] { "first@example.com" }));
        Assert.That(Schema(postgres), Is.EqualTo(before));
    }

    private sealed record Outcome(string Report, List<string> Subscribers, List<string> FieldRows, List<string> Segments);

    private static Outcome Run(TestStore test)
    {
        var store = new SubscriberStore(test.Database, TimeProvider.System);
        store.Add("kept@example.com", "Kept", new Dictionary<string, string> { ["plan"] = "free", ["city"] = "Oslo" }, tags: ["old"]);
        store.AddPending("waiting@example.com", "Waiting", "cli");
        store.SetStatus(store.Add("angry@example.com", "Angry").Id, SubscriberStatus.Complained);
        store.SetStatus(store.Add("gone@example.com", "Gone").Id, SubscriberStatus.Unsubscribed);
        store.Add("erased@example.com", "Erased");
        new Erasure(store, new ErasedAddresses(test.Database), TimeProvider.System).Forget("erased@example.com");

        var csv = new StringBuilder("email,name,first_name,tags,status,plan,city\n");
        csv.Append("KEPT@example.com,Kept Again,,new old,,pro,\n");          // updated: name, plan, a tag; city kept
        csv.Append("waiting@example.com,,,,unsubscribed,,\n");             // pending, now unsubscribed by the file
        csv.Append("Angry@Example.com,Angry,,,,pro,\n");                   // complained: reported, left alone
        csv.Append("gone@example.com,Gone,,,active,,\n");                  // unsubscribed: reported, left alone
        csv.Append("erased@example.com,Erased,,,,,\n");                    // erased: reported by its hash
        csv.Append("not an address,Bad,,,,,\n");                           // a bad row
        string[] plans = ["pro", "Pro", "PRO", "free", ""];
        string[] cities = ["Édimbourg", "édimbourg", "ÉDIMBOURG", "Zürich", "Lima", ""];
        for (var i = 6; i < Rows + 4; i++)
        {
            var tags = (i % 4) switch { 0 => "rust", 1 => "rust go", 2 => "", _ => "go beginner" };
            var first = i % 3 == 0 ? $"Ann{i}" : "";
            var name = i % 7 == 0 ? "" : $"Reader {i}";
            var status = i % 50 == 0 ? "pending" : "";
            csv.Append($"reader{i}@example.com,{name},{first},{tags},{status},{plans[i % plans.Length]},{cities[i % cities.Length]}\n");
        }
        var report = new SubscriberCsvImporter(test.Database, TimeProvider.System).Import(test.Workspace.Write("big.csv", csv.ToString()));

        var subscribers = store.List().Select(s => string.Join(" | ", s.Email, s.Name, s.GivenName, s.FamilyName, s.Status,
            string.Join(",", s.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")),
            string.Join(",", s.Tags), s.Source, s.ConfirmedAt is null ? "unconfirmed" : "confirmed")).Order(StringComparer.Ordinal).ToList();
        var segments = new[] { "plan = pro", "plan = PRO", "city = édimbourg", "city = ÉDIMBOURG", "tag:rust and not tag:go", "tag:new", "city = oslo" }
            .Select(segment => $"{segment}: {store.Count(CompiledSegment.Compile(segment))}").ToList();
        var reportText = $"{report.Added} added, {report.Updated} updated, problems " +
                         string.Join(";", report.Problems.Select(p => $"{p.Line}:{p.Column}")) + ", suppressed " +
                         string.Join(";", report.Suppressed.Select(s => $"{s.Line}:{s.Email}:{s.Reason}"));
        return new Outcome(reportText, subscribers, FieldRows(test), segments);
    }

    // The derived rows segments read, by address rather than by id (the engines number new rows differently).
    private static List<string> FieldRows(TestStore test)
    {
        using var connection = test.Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.email, f.name, f.value FROM subscriber_fields f JOIN subscribers s ON s.id = f.subscriber_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add($"{reader.GetString(0)} {reader.GetString(1)}={reader.GetString(2)}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    // Indexes with their definitions, constraints with theirs, and each trigger with whether it fires.
    private static List<string> Schema(TestStore test)
    {
        using var connection = test.Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL
            SELECT conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            UNION ALL
            SELECT tgrelid::regclass || '.' || tgname || ': ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
