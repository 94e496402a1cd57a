using System.Text;
using Newsletter.Audience;
using Newsletter.Audience.Suppression;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SubscriberCsvImporterTests(StoreKind kind)
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
    public void Import_GoodFile_AddsRowsWithCustomFields()
    {
        var file = _workspace.Write("list.csv", "email,name,company\nada@example.com,Ada Lovelace,Engines\n\"grace@example.org\",\"Hopper, Grace\",Navy\n");
        var result = _importer.Import(file);
        Assert.That(result.Added, Is.EqualTo(2));
        var grace = _store.FindByEmail("grace@example.org")!;
        Assert.That(grace.Name, Is.EqualTo("Hopper, Grace"));
        Assert.That(grace.Fields["company"], Is.EqualTo("Navy"));
        Assert.That(grace.Source, Is.EqualTo("import:list.csv"));
        Assert.That(grace.ConfirmedAt, Is.Not.Null);
    }

    [Test]
    public void Import_BadAddress_KeepsGoodRowsAndReportsLine()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada\nbob@,Bob\ngrace@example.org,Grace\n");
        var report = _importer.Import(file);
        Assert.That(report.Problems, Is.EqualTo(new[] { new ImportProblem(3, 1, "'bob@' has no domain after the '@'") }));
        Assert.That(report.Written, Is.True);
        Assert.That(_store.List().Select(s => s.Email), Is.EqualTo(new[] { "ada@example.com", "grace@example.org" }));
    }

    [Test]
    public void Import_NameWithControlCharacter_ReportsLineAndColumnAndKeepsOthers()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada\nbob@example.com,\"Bob\u001b]8;;x\"\n");

        var report = _importer.Import(file);

        Assert.That(report.Problems, Is.EqualTo(new[]
        {
            new ImportProblem(3, 2, "the name contains the control character U+001B at character 4; names are plain text"),
        }));
        Assert.That(_store.List().Select(s => s.Email), Is.EqualTo(new[] { "ada@example.com" }));
    }

    [Test]
    public void Import_NameTooLong_ReportsLineAndColumn()
    {
        var file = _workspace.Write("list.csv", "tags,email,name\nx,ada@example.com," + string.Join(' ', Enumerable.Repeat("abcdefghij", 30)) + "\n");

        var report = _importer.Import(file);

        Assert.That(report.Problems, Is.EqualTo(new[] { new ImportProblem(2, 3, "the name is longer than 200 characters") }));
    }

    [Test]
    public void Import_QuoteNeverClosed_ReportsTheLineWhereItOpened()
    {
        var file = _workspace.Write("list.csv", "email,name\n\"ada@example.com,Ada\nbob@example.com,Bob\ncarol@example.com,Carol\n");

        var report = _importer.Import(file);

        Assert.That(report.Problems.Select(p => p.Line), Is.EqualTo(new[] { 2 }));
        Assert.That(report.Problems[0].Reason, Does.Contain("the quote opened on this line is not closed"));
    }

    [Test]
    public void Import_QuoteNeverClosedNoFinalNewline_ReportsTheLineWhereItOpened()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada\n\n\"bob@example.com,Bob\ncarol@example.com,Carol");

        var report = _importer.Import(file);

        Assert.That(report.Problems.Select(p => p.Line), Is.EqualTo(new[] { 4 }));
    }

    [Test]
    public void Import_QuotedNewlineInName_RowsAfterKeepTheirLines()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,\"Ada\nLovelace\"\nbob@,Bob\n");

        var report = _importer.Import(file);

        Assert.That(report.Problems.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (2, 2), (4, 1) }));
    }

    [Test]
    public void Import_Utf16WithoutBom_IsRefusedAsUtf16()
    {
        var path = _workspace.PathOf("list.csv");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes("email,name\nada@example.com,Ada\n"));

        var error = Assert.Throws<CsvImportException>(() => _importer.Import(path))!;

        Assert.That(error.Message, Does.StartWith(path + "(1): the file is UTF-16 (without a byte order mark); save it as UTF-8 and import again"));
    }

    [Test]
    public void Import_HeaderOf80000Columns_IsRefusedAtTheFirstColumnOverTheLimit()
    {
        var file = _workspace.Write("wide.csv", "email," + string.Join(',', Enumerable.Range(0, 80_000).Select(i => "c" + i)) + "\nada@example.com\n");

        var error = Assert.Throws<CsvImportException>(() => _importer.Import(file))!;

        Assert.That(error.Message, Does.StartWith(file + "(1,1001): the header has 80001 columns; at most 1000 are allowed"));
    }

    [Test]
    public void Import_HeaderNamesAColumnTwice_NamesBothColumns()
    {
        var file = _workspace.Write("twice.csv", "email,a,b,A\nada@example.com,1,2,3\n");

        var error = Assert.Throws<CsvImportException>(() => _importer.Import(file))!;

        Assert.That(error.Message, Does.StartWith(file + "(1,4): the header names 'A' twice (columns 2 and 4)"));
    }

    [Test]
    public void Import_BadAddressAllOrNothing_ImportsNothing()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada\nbob@,Bob\n");
        var report = _importer.Import(file, new ImportOptions(AllOrNothing: true));
        Assert.That(report.Written, Is.False);
        Assert.That(report.Problems.Single().Line, Is.EqualTo(3));
        Assert.That(_store.List(), Is.Empty, "no half-imported rows");
    }

    [Test]
    public void Import_DryRun_CountsButWritesNothing()
    {
        _store.Add("ada@example.com", "Ada");
        var file = _workspace.Write("list.csv", "email\nada@example.com\ngrace@example.org\n");
        var report = _importer.Import(file, new ImportOptions(DryRun: true));
        Assert.That((report.Added, report.Updated, report.Written), Is.EqualTo((1, 1, false)));
        Assert.That(_store.List().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Import_NoEmailColumn_FailsOnHeader()
    {
        var file = _workspace.Write("list.csv", "mail,name\nada@example.com,Ada\n");
        var error = Assert.Throws<CsvImportException>(() => _importer.Import(file))!;
        Assert.That(error.Position.Line, Is.EqualTo(1));
        Assert.That(error.Reason, Does.Contain("no 'email' column (found: mail, name)"));
    }

    [TestCase("email,name,Email\n", "the header names 'Email' twice (columns 1 and 3)")]
    [TestCase("email,,company\n", "column 2 of the header has no name")]
    [TestCase("", "the file is empty")]
    public void Import_WrongHeader_FailsWithReason(string header, string reason)
    {
        var file = _workspace.Write("list.csv", header.Length == 0 ? "" : header + "ada@example.com,Ada,x\n");
        var error = Assert.Throws<CsvImportException>(() => _importer.Import(file))!;
        Assert.That(error.Reason, Does.StartWith(reason));
        Assert.That(_store.List(), Is.Empty);
    }

    [Test]
    public void Import_BadQuoting_ReportsRowAndKeepsOthers()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada \"the\" Countess\ngrace@example.org,Grace\n");
        var report = _importer.Import(file);
        Assert.That(report.Problems.Single().Line, Is.EqualTo(2));
        Assert.That(report.Problems.Single().Reason, Does.StartWith("badly quoted field"));
        Assert.That(_store.List().Single().Email, Is.EqualTo("grace@example.org"));
    }

    [Test]
    public void Import_UnclosedQuote_IsReportedNotSwallowed()
    {
        var file = _workspace.Write("list.csv", "email,name\n\"ada@example.com,Ada\ngrace@example.org,Grace\n");
        var report = _importer.Import(file);
        Assert.That(report.Problems, Is.Not.Empty);
        Assert.That(report.Imported, Is.Zero);
    }

    [Test]
    public void Import_WrongFieldCount_IsReported()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada,extra\ngrace@example.org\n");
        var report = _importer.Import(file);
        Assert.That(report.Problems.Select(p => p.Reason), Is.EqualTo(new[]
        {
            "the row has 3 field(s) but the header has 2", "the row has 1 field(s) but the header has 2",
        }));
    }

    [Test]
    public void Import_DuplicateAddress_IsReportedOnce()
    {
        var file = _workspace.Write("list.csv", "email\nada@example.com\nADA@example.com\n");
        var report = _importer.Import(file);
        Assert.That(report.Problems.Single(), Is.EqualTo(new ImportProblem(3, 1, "'ADA@example.com' appears twice in the file")));
        Assert.That(report.Added, Is.EqualTo(1));
    }

    [Test]
    public void Import_Latin1File_IsRejectedAsNotUtf8()
    {
        var path = _workspace.PathOf("latin1.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("email,name\nada@example.com,Jürgen\n"));
        var error = Assert.Throws<CsvImportException>(() => _importer.Import(path))!;
        Assert.That(error.Reason, Does.Contain("not UTF-8"));
        Assert.That(error.Position.Line, Is.EqualTo(2));
    }

    [Test]
    public void Import_Utf16File_IsRejected()
    {
        var path = _workspace.PathOf("utf16.csv");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("email\nada@example.com\n")]);
        var error = Assert.Throws<CsvImportException>(() => _importer.Import(path))!;
        Assert.That(error.Reason, Does.Contain("UTF-16"));
    }

    [Test]
    public void Import_BomAndCrLf_AreAccepted()
    {
        var path = _workspace.PathOf("bom.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("email,name\r\nada@example.com,Ada\r\n")]);
        Assert.That(_importer.Import(path).Added, Is.EqualTo(1));
        Assert.That(_store.FindByEmail("ada@example.com")!.Name, Is.EqualTo("Ada"));
    }

    [Test]
    public void Import_Twice_UpdatesInsteadOfDuplicating()
    {
        _importer.Import(_workspace.Write("list.csv", "email,name,tags\nada@example.com,Ada,rust\n"));
        var report = _importer.Import(_workspace.Write("list2.csv", "email,name,tags\nada@example.com,Ada Lovelace,go\n"));
        Assert.That((report.Added, report.Updated), Is.EqualTo((0, 1)));
        var ada = _store.List().Single();
        Assert.That(ada.Name, Is.EqualTo("Ada Lovelace"));
        Assert.That(ada.Tags, Is.EqualTo(new[] { "go", "rust" }));
    }

    [Test]
    public void Import_TagsAndStatusColumns_AreReadNotFields()
    {
        var file = _workspace.Write("list.csv", "email,tags,status,plan\nada@example.com,\"Rust; beginner\",active,pro\nbob@example.com,,bounced,\n");
        _importer.Import(file);
        var ada = _store.FindByEmail("ada@example.com")!;
        Assert.That(ada.Tags, Is.EqualTo(new[] { "beginner", "rust" }));
        Assert.That(ada.Fields, Is.EqualTo(new Dictionary<string, string> { ["plan"] = "pro" }));
        Assert.That(_store.FindByEmail("bob@example.com")!.Status, Is.EqualTo(SubscriberStatus.Bounced));
    }

    [Test]
    public void Import_BadTagOrStatus_IsReportedWithColumn()
    {
        var file = _workspace.Write("list.csv", "email,tags,status\nada@example.com,c#!,active\nbob@example.com,,gone\n");
        var report = _importer.Import(file);
        Assert.That(report.Problems.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (2, 2), (3, 3) }));
        Assert.That(report.Problems[1].Reason, Does.StartWith("'gone' is not a status"));
    }

    [TestCase(SubscriberStatus.Unsubscribed)]
    [TestCase(SubscriberStatus.Bounced)]
    [TestCase(SubscriberStatus.Complained)]
    public void Import_SuppressedAddress_StaysSuppressedAndIsReported(SubscriberStatus status)
    {
        var ada = _store.Add("ada@example.com", "Ada");
        _store.SetStatus(ada.Id, status);
        var report = _importer.Import(_workspace.Write("list.csv", "email,name,status\nADA@example.com,Ada L,active\n"));
        Assert.That(report.Suppressed.Single(), Is.EqualTo(new SuppressedRow(2, "ADA@example.com", status.ToText())));
        var stored = _store.FindById(ada.Id)!;
        Assert.That((stored.Status, stored.Name), Is.EqualTo((status, "Ada")));
    }

    [Test]
    public void Import_SeveralBatches_RecordsEveryRowItsTagsAndSuppressions()
    {
        _store.SetStatus(_store.Add("reader150@example.com", "Old").Id, SubscriberStatus.Complained);
        _store.Add("READER7@example.com", "Seven");
        var csv = new StringBuilder("email,name,tags,n\n");
        for (var i = 0; i < 250; i++) csv.Append($"reader{i}@example.com,Reader {i},{(i % 2 == 0 ? "even" : "odd")} all,{i}\n");
        var report = _importer.Import(_workspace.Write("list.csv", csv.ToString()));

        Assert.That((report.Added, report.Updated), Is.EqualTo((248, 1)));
        Assert.That(report.Suppressed.Single(), Is.EqualTo(new SuppressedRow(152, "reader150@example.com", "complained")));
        var seven = _store.FindByEmail("reader7@example.com")!;
        Assert.That((seven.Name, seven.Fields["n"]), Is.EqualTo(("Reader 7", "7")));
        Assert.That(seven.Tags, Is.EqualTo(new[] { "all", "odd" }));
        Assert.That(_store.FindByEmail("reader249@example.com")!.Tags, Is.EqualTo(new[] { "all", "odd" }));
        Assert.That(_store.Count(Newsletter.Audience.Segments.CompiledSegment.Compile("tag:all and not tag:odd")), Is.EqualTo(124), "125 even rows, one of them suppressed");
    }

    [Test]
    public void Import_ErasedAddress_IsSuppressedByItsHash()
    {
        _store.Add("ada@example.com", "Ada");
        new Erasure(_store, new ErasedAddresses(_database), TimeProvider.System).Forget("ada@example.com");
        var report = _importer.Import(_workspace.Write("list.csv", "email\nAda@Example.com\ngrace@example.org\n"));
        Assert.That(report.Suppressed.Single().Reason, Is.EqualTo("erased"));
        Assert.That(_store.List().Select(s => s.Email), Is.EqualTo(new[] { "grace@example.org" }));
    }

    [Test]
    public void Import_LargeFile_RebuildsTheIndexesItSetAside()
    {
        var file = _workspace.Write("big.csv", "email,tags\n" + string.Concat(Enumerable.Range(0, 25_000).Select(i => $"r{i}@example.com,{(i % 5 == 0 ? "five" : "")}\n")));
        var report = _importer.Import(file);
        Assert.That(report.Added, Is.EqualTo(25_000));
        Assert.That(IndexNames(), Is.SupersetOf(new[] { "subscribers_status", "subscriber_tags_subscriber" }));
        Assert.That(_store.Count(Newsletter.Audience.Segments.CompiledSegment.Compile("tag:five")), Is.EqualTo(5_000));
    }

    [Test]
    public void Import_WriteFailsMidway_NothingIsWrittenAndTheErrorIsRaised()
    {
        using (var connection = _database.Connect())
        using (var trigger = connection.CreateCommand())
        {
            trigger.CommandText = kind == StoreKind.Sqlite
                ? "CREATE TRIGGER test_boom BEFORE INSERT ON subscribers WHEN new.email = 'r24000@example.com' BEGIN SELECT RAISE(ABORT, 'boom'); END;"
                : """
                  CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN
                      IF new.email = 'r24000@example.com' THEN RAISE EXCEPTION 'boom'; END IF;
                      RETURN new;
                  END $$;
                  CREATE TRIGGER test_boom BEFORE INSERT ON subscribers FOR EACH ROW EXECUTE FUNCTION test_boom();
                  """;
            trigger.ExecuteNonQuery();
        }
        var file = _workspace.Write("big.csv", "email\n" + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"r{i}@example.com\n")));
        var error = Assert.Throws(Is.InstanceOf<System.Data.Common.DbException>(), () => _importer.Import(file));
        Assert.That(error!.Message, Does.Contain("boom"));
        Assert.That(_store.List(), Is.Empty, "no half-imported rows");
        Assert.That(IndexNames(), Is.SupersetOf(new[] { "subscribers_status", "subscriber_tags_subscriber" }));
    }

    private List<string> IndexNames()
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = kind == StoreKind.Sqlite
            ? "SELECT name FROM sqlite_schema WHERE type = 'index'"
            : "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }
}
