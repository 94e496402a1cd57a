using Microsoft.Data.Sqlite;
using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Audience.Suppression;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

// The rows of subscriber_fields that segments read must always equal the string members of the JSON fields column.
public class SubscriberFieldsTests
{
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _workspace = new TempWorkspace();
        _database = _workspace.OpenDatabase();
        _store = new SubscriberStore(_database, TimeProvider.System);
    }

    [TearDown]
    public void TearDown() => _workspace.Dispose();

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

    [Test]
    public void Migrate_FromVersion4_BackfillsFieldsFromTheJsonColumn()
    {
        var path = _workspace.PathOf("old.db");
        using (var connection = new SqliteConnection("Data Source=" + path))
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
        _store = new SubscriberStore(Database.Open(path), TimeProvider.System);
        Assert.That(FieldRows(_store.FindByEmail("ada@example.com")!.Id), Is.EqualTo(new[] { "city=London", "plan=pro" }));
        Assert.That(Count("plan = PRO"), Is.EqualTo(1));
        Assert.That(Count("plan != pro"), Is.EqualTo(1));
    }

    private long Count(string expression) => _store.Count(CompiledSegment.Compile(expression));

    private List<string> FieldRows(long id)
    {
        using var connection = new SqliteConnection("Data Source=" + DatabasePath());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || '=' || value FROM subscriber_fields WHERE subscriber_id = $id ORDER BY 1";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    private string DatabasePath() => File.Exists(_workspace.PathOf("old.db")) ? _workspace.PathOf("old.db") : _database.Path;
}
