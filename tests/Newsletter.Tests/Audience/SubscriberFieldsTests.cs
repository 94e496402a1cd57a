using Microsoft.Data.Sqlite;
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Audience.Suppression;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

// The rows of subscriber_fields that segments read must always equal the string members of the JSON fields column.
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SubscriberFieldsTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _database = _test.Database;
        _store = new SubscriberStore(_database, TimeProvider.System);
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [Test]
    public void Add_WithFields_StoresOneRowPerField()
    {
        var ada = _store.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro", ["city"] = "London" });
        Assert.That(FieldRows(ada.Id), Is.EqualTo(new[] { "city=London", "plan=pro" }));
    }

    [Test]
    public void HasField_NameOnTheListOrNot_AnswersExactly()
    {
        _store.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro" });

        Assert.Multiple(() =>
        {
            Assert.That(_store.HasField("plan"), Is.True);
            Assert.That(_store.HasField("Plan"), Is.False, "field names are exact");
            Assert.That(_store.HasField("plna"), Is.False);
        });
    }

    [Test]
    public void Add_ExistingSubscriberWithNewField_KeepsTheOthers()
    {
        _store.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro" });
        var ada = _store.Add("ada@example.com", null, new Dictionary<string, string> { ["city"] = "London" });
        Assert.That(FieldRows(ada.Id), Is.EqualTo(new[] { "city=London", "plan=pro" }));
    }

    [Test]
    public void Import_FieldChangedByReimport_FoundByNewValueOnly()
    {
        var importer = new SubscriberCsvImporter(_database, TimeProvider.System);
        importer.Import(_workspace.Write("first.csv", "email,plan\nada@example.com,free\nbob@example.com,free\n"));
        importer.Import(_workspace.Write("second.csv", "email,plan\nada@example.com,pro\n"));
        Assert.That(Count("plan = pro"), Is.EqualTo(1));
        Assert.That(Count("plan = free"), Is.EqualTo(1));
        Assert.That(Count("plan != free"), Is.EqualTo(1));
        Assert.That(FieldRows(_store.FindByEmail("ada@example.com")!.Id), Is.EqualTo(new[] { "plan=pro" }));
    }

    [Test]
    public void Forget_RemovesTheFieldRows()
    {
        var ada = _store.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro" });
        new Erasure(_store, new ErasedAddresses(_database), TimeProvider.System).Forget("ada@example.com");
        Assert.That(FieldRows(ada.Id), Is.Empty);
        Assert.That(Count("plan = pro"), Is.EqualTo(0));
    }

    private long Count(string expression) => _store.Count(CompiledSegment.Compile(expression));

    private List<string> FieldRows(long id) => FieldRowsOf(_database, id);

    internal static List<string> FieldRowsOf(Database database, long id)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || '=' || value FROM subscriber_fields WHERE subscriber_id = @id ORDER BY 1";
        command.Bind("@id", id);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}

// A SQLite file from before subscriber_fields existed is given its rows when it is opened, which migrates it.
public class SubscriberFieldsUpgradeTests
{
    [Test]
    public void Migrate_FromVersion4_BackfillsFieldsFromTheJsonColumn()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.PathOf("old.db");
        using (var connection = new SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            connection.Open();
            Migrator.Apply(connection, 4);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO subscribers (email, fields, status, created_at, status_changed_at)
                VALUES ('ada@example.com', '{"plan":"pro","city":"London"}', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                       ('bob@example.com', '{}', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                """;
            insert.ExecuteNonQuery();
        }
        var database = Database.Open(path);
        var store = new SubscriberStore(database, TimeProvider.System);
        Assert.That(SubscriberFieldsTests.FieldRowsOf(database, store.FindByEmail("ada@example.com")!.Id), Is.EqualTo(new[] { "city=London", "plan=pro" }));
        Assert.That(store.Count(CompiledSegment.Compile("plan = PRO")), Is.EqualTo(1));
        Assert.That(store.Count(CompiledSegment.Compile("plan != pro")), Is.EqualTo(1));
    }
}
