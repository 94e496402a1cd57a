// first_name and last_name in an import are standard columns, stored beside the display name, not custom fields.
using Newsletter.Audience;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SubscriberNameColumnsTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _store = null!;
    private SubscriberCsvImporter _importer = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _database = _test.Database;
        _store = new SubscriberStore(_database, TimeProvider.System);
        _importer = new SubscriberCsvImporter(_database, TimeProvider.System);
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [Test]
    public void Import_FirstAndLastNameColumns_AreStoredAsNamesNotFields()
    {
        var report = _importer.Import(_workspace.Write("list.csv", "email,name,first_name,last_name,plan\ngrace@example.com,\"Hopper, Grace\",Grace,Hopper,pro\n"));

        Assert.That(report.Problems, Is.Empty);
        var grace = _store.FindByEmail("grace@example.com")!;
        Assert.That((grace.Name, grace.GivenName, grace.FamilyName), Is.EqualTo(("Hopper, Grace", "Grace", "Hopper")));
        Assert.That(grace.Fields.Keys, Is.EqualTo(new[] { "plan" }));
        Assert.That(_store.HasField("first_name"), Is.False, "not a custom field for segments either");
    }

    [TestCase("First Name,Last Name")]
    [TestCase("FirstName,Surname")]
    [TestCase("given_name,family_name")]
    [TestCase("first-name,last-name")]
    public void Import_NameColumnsAsServicesExportThem_AreRecognised(string columns)
    {
        _importer.Import(_workspace.Write("list.csv", $"email,{columns}\ngrace@example.com,Grace,Hopper\n"));

        var grace = _store.FindByEmail("grace@example.com")!;
        Assert.That((grace.GivenName, grace.FamilyName, grace.Name), Is.EqualTo(("Grace", "Hopper", "Grace Hopper")), "the display name is made of both");
        Assert.That(grace.Fields, Is.Empty);
    }

    [Test]
    public void Import_NameOnlyLastFirst_DerivesTheFirstName()
    {
        _importer.Import(_workspace.Write("list.csv", "email,name\ngrace@example.com,\"Hopper, Grace\"\nada@example.com,Ada Lovelace\n"));

        Assert.That(_store.FindByEmail("grace@example.com")!.FirstName, Is.EqualTo("Grace"));
        Assert.That(_store.FindByEmail("ada@example.com")!.FirstName, Is.EqualTo("Ada"));
    }

    [Test]
    public void Import_BadFirstName_IsReportedAtItsColumn()
    {
        var report = _importer.Import(_workspace.Write("list.csv", "email,first_name\ngrace@example.com,\"Gr\u001bace\"\n"));

        var problem = report.Problems.Single();
        Assert.That((problem.Line, problem.Column), Is.EqualTo((2, 2)));
        Assert.That(problem.Reason, Does.Contain("control character"));
    }

    [Test]
    public void Import_AgainWithoutNameColumns_KeepsTheStoredNames()
    {
        _importer.Import(_workspace.Write("a.csv", "email,first_name,last_name\ngrace@example.com,Grace,Hopper\n"));
        _importer.Import(_workspace.Write("b.csv", "email,plan\ngrace@example.com,pro\n"));

        var grace = _store.FindByEmail("grace@example.com")!;
        Assert.That((grace.GivenName, grace.FamilyName, grace.Fields["plan"]), Is.EqualTo(("Grace", "Hopper", "pro")));
    }
}

// A SQLite file from before the name columns existed has its first_name and last_name fields moved when it is opened.
public class SubscriberNameColumnsUpgradeTests
{
    [Test]
    public void Migrate_FromVersion6_MovesFirstAndLastNameFieldsIntoTheirColumns()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.PathOf("old.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            connection.Open();
            Migrator.Apply(connection, 6);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO subscribers (email, name, fields, status, created_at, status_changed_at)
                VALUES ('grace@example.com', 'Hopper, Grace', '{"first_name":"Grace","last_name":"Hopper","plan":"pro"}', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                       ('ada@example.com', 'Ada Lovelace', '{"plan":"free"}', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                """;
            insert.ExecuteNonQuery();
        }
        var store = new SubscriberStore(Database.Open(path), TimeProvider.System);

        var grace = store.FindByEmail("grace@example.com")!;
        Assert.That((grace.GivenName, grace.FamilyName), Is.EqualTo(("Grace", "Hopper")));
        Assert.That(grace.Fields.Keys, Is.EqualTo(new[] { "plan" }));
        Assert.That(store.HasField("first_name"), Is.False, "the field rows went with the JSON members");
        Assert.That(store.FindByEmail("ada@example.com")!.Fields["plan"], Is.EqualTo("free"));
    }
}
