using System.Text;
using Newsletter.Audience;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

public class SubscriberCsvImporterTests
{
    private TempWorkspace _workspace = null!;
    private SubscriberStore _store = null!;
    private SubscriberCsvImporter _importer = null!;

    [SetUp]
    public void SetUp()
    {
        _workspace = new TempWorkspace();
        var database = _workspace.OpenDatabase();
        _store = new SubscriberStore(database, TimeProvider.System);
        _importer = new SubscriberCsvImporter(database, _store);
    }

    [TearDown]
    public void TearDown() => _workspace.Dispose();

    [Test]
    public void Import_GoodFile_AddsRowsWithCustomFields()
    {
        var file = _workspace.Write("list.csv", "email,name,company\nada@example.com,Ada Lovelace,Engines\n\"grace@example.org\",\"Hopper, Grace\",Navy\n");
        var result = _importer.Import(file);
        Assert.That(result.Imported, Is.EqualTo(2));
        var grace = _store.FindByEmail("grace@example.org")!;
        Assert.That(grace.Name, Is.EqualTo("Hopper, Grace"));
        Assert.That(grace.Fields["company"], Is.EqualTo("Navy"));
    }

    [Test]
    public void Import_BadAddress_ReportsLineAndImportsNothing()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada\nbob@,Bob\n");
        var error = Assert.Throws<CsvImportException>(() => _importer.Import(file))!;
        Assert.That(error.Position.Line, Is.EqualTo(3));
        Assert.That(error.Position.Column, Is.EqualTo(1));
        Assert.That(error.Message, Does.StartWith($"{file}(3,1): 'bob@' has no domain after the '@'"));
        Assert.That(_store.List(), Is.Empty, "no half-imported rows");
    }

    [Test]
    public void Import_NoEmailColumn_FailsOnHeader()
    {
        var file = _workspace.Write("list.csv", "mail,name\nada@example.com,Ada\n");
        var error = Assert.Throws<CsvImportException>(() => _importer.Import(file))!;
        Assert.That(error.Position.Line, Is.EqualTo(1));
        Assert.That(error.Reason, Does.Contain("no 'email' column"));
    }

    [Test]
    public void Import_DuplicateAddress_IsReported()
    {
        var file = _workspace.Write("list.csv", "email\nada@example.com\nADA@example.com\n");
        var error = Assert.Throws<CsvImportException>(() => _importer.Import(file))!;
        Assert.That(error.Reason, Does.Contain("appears twice"));
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
    public void Import_BomAndCrLf_AreAccepted()
    {
        var path = _workspace.PathOf("bom.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("email,name\r\nada@example.com,Ada\r\n")]);
        Assert.That(_importer.Import(path).Imported, Is.EqualTo(1));
    }

    [Test]
    public void Import_Twice_UpdatesInsteadOfDuplicating()
    {
        var file = _workspace.Write("list.csv", "email,name\nada@example.com,Ada\n");
        _importer.Import(file);
        _importer.Import(_workspace.Write("list2.csv", "email,name\nada@example.com,Ada Lovelace\n"));
        Assert.That(_store.List().Single().Name, Is.EqualTo("Ada Lovelace"));
    }
}
