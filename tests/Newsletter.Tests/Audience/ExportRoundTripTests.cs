using System.Text;
using System.Text.Json;
using Newsletter.Audience;
using Newsletter.Audience.Export;
using Newsletter.Audience.Suppression;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class ExportRoundTripTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TestStore _copy = null!;
    private TempWorkspace _workspace = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _copy = TestStore.Create(kind);
    }

    [TearDown]
    public void TearDown()
    {
        _copy.Dispose();
        _test.Dispose();
    }

    [Test]
    public void ExportCsv_ImportedIntoNewList_ExportsTheSameFile()
    {
        var source = new SubscriberStore(_test.Database, TimeProvider.System);
        source.Add("ada@bücher.example", "Lovelace, Ada", new Dictionary<string, string> { ["plan"] = "pro", ["note"] = "says \"hi\"\nand more" }, tags: ["rust", "c++"]);
        source.Add("bob@example.com", null, new Dictionary<string, string> { ["city"] = "Zürich" });
        var bounced = source.Add("cy@example.com", "Cy");
        source.SetStatus(bounced.Id, SubscriberStatus.Bounced);
        var first = Export(source, ExportFormat.Csv);

        var copy = _copy.Database;
        var file = _workspace.Write("export.csv", first);
        var report = new SubscriberCsvImporter(copy, TimeProvider.System).Import(file);
        Assert.That(report.Problems, Is.Empty);
        var second = Export(new SubscriberStore(copy, TimeProvider.System), ExportFormat.Csv);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Split("\r\n")[0], Is.EqualTo("email,name,first_name,last_name,tags,status,city,note,plan"));
        Assert.That(first, Does.Contain("ada@xn--bcher-kva.example"));
    }

    [Test]
    public void ExportCsv_FormulaCells_AreGuardedAndImportBackUnchanged()
    {
        var source = new SubscriberStore(_test.Database, TimeProvider.System);
        source.Add("ada@example.com", "=HYPERLINK(\"http://evil.example\",\"Click\")", new Dictionary<string, string> { ["score"] = "-5", ["note"] = "'=kept" });
        source.Add("bob@example.com", "'Bob", new Dictionary<string, string> { ["score"] = "@x", ["note"] = "+1" });
        source.Add("-cy@example.com", "Cy");
        var first = Export(source, ExportFormat.Csv);

        var copy = _copy.Database;
        var report = new SubscriberCsvImporter(copy, TimeProvider.System).Import(_workspace.Write("export.csv", first));
        var store = new SubscriberStore(copy, TimeProvider.System);

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("ada@example.com,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""));
            Assert.That(first, Does.Contain("'-cy@example.com,Cy"));
            Assert.That(first, Does.Not.Match("(^|[\n,])[=+@-]"), "no cell starts with a formula character");
            Assert.That(report.Problems, Is.Empty);
            Assert.That(store.FindByEmail("ada@example.com")!.Name, Is.EqualTo("=HYPERLINK(\"http://evil.example\",\"Click\")"));
            Assert.That(store.FindByEmail("ada@example.com")!.Fields, Is.EquivalentTo(new Dictionary<string, string> { ["score"] = "-5", ["note"] = "'=kept" }));
            Assert.That(store.FindByEmail("bob@example.com")!.Name, Is.EqualTo("'Bob"));
            Assert.That(store.FindByEmail("bob@example.com")!.Fields["note"], Is.EqualTo("+1"));
            Assert.That(store.FindByEmail("-cy@example.com"), Is.Not.Null);
            Assert.That(Export(store, ExportFormat.Csv), Is.EqualTo(first));
        });
    }

    [Test]
    public void ExportJson_StatusFilter_WritesEveryFactOfMatchingSubscribers()
    {
        var store = new SubscriberStore(_test.Database, TimeProvider.System);
        store.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro" }, tags: ["rust"]);
        store.SetStatus(store.Add("bob@example.com", "Bob").Id, SubscriberStatus.Unsubscribed);
        var json = JsonDocument.Parse(Export(store, ExportFormat.Json, SubscriberStatus.Active)).RootElement;
        var ada = json.EnumerateArray().Single();
        Assert.That(ada.GetProperty("email").GetString(), Is.EqualTo("ada@example.com"));
        Assert.That(ada.GetProperty("tags")[0].GetString(), Is.EqualTo("rust"));
        Assert.That(ada.GetProperty("fields").GetProperty("plan").GetString(), Is.EqualTo("pro"));
        Assert.That(ada.GetProperty("created_at").GetString(), Does.EndWith("Z"));
        Assert.That(ada.GetProperty("source").GetString(), Is.EqualTo("cli"));
    }

    private static string Export(SubscriberStore store, ExportFormat format, SubscriberStatus? status = null)
    {
        using var output = new MemoryStream();
        var names = store.List().SelectMany(s => s.Fields.Keys).Distinct().ToList();
        new SubscriberExporter(store, () => names).Export(output, format, status);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class ErasureTests(StoreKind kind)
{
    [Test]
    public void Forget_Subscriber_DeletesDataAndKeepsOnlyHash()
    {
        using var test = TestStore.Create(kind);
        var database = test.Database;
        var store = new SubscriberStore(database, TimeProvider.System);
        store.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro" }, tags: ["rust"]);
        var erased = new ErasedAddresses(database);

        Assert.That(new Erasure(store, erased, TimeProvider.System).Forget("Ada@Example.com"), Is.True);

        Assert.That(store.List(), Is.Empty);
        Assert.That(erased.IsErased("ada@example.com"), Is.True);
        Assert.That(erased.IsErased("grace@example.com"), Is.False);
        using var connection = database.Connect();
        using var tags = connection.CreateCommand();
        tags.CommandText = "SELECT count(*) FROM subscriber_tags";
        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT email_hash || reason FROM erased_addresses";
        var left = new List<string>();
        using (var reader = rows.ExecuteReader())
            while (reader.Read()) left.Add(reader.GetString(0));
        Assert.That(tags.ScalarLong(), Is.Zero);
        Assert.That(string.Concat(left), Does.Not.Contain("ada@").And.Not.Contain("example.com"), "a hex hash may hold \"ada\" by chance");
        Assert.That(string.Concat(left), Does.Contain(erased.Hash("ada@example.com")));
    }
}
