// Mutated CSV files never crash or hang an import: a bad file is refused, bad rows are reported.
using System.Text;
using Newsletter.Audience;
using Newsletter.Tests.Rendering;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

public class SubscriberCsvImporterFuzzTests
{
    private static readonly string[] Dictionary =
        [",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "email", "name", "tags", "status", "@", "ada@example.com", "'=x", "\0", "\uFEFF", "é", ";"];

    [Test]
    public void Import_MutatedFiles_ThrowOnlyCsvImportException()
    {
        using var workspace = new TempWorkspace();
        var importer = new SubscriberCsvImporter(workspace.OpenDatabase(), TimeProvider.System);
        var file = workspace.PathOf("fuzz.csv");
        var fuzzer = new Fuzzer(20261203, Dictionary);
        var seeds = new[]
        {
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(IssueRendererGoldenTests.RepositoryTemplatesPath())!, "issues", "sample-subscribers.csv")),
            "email,name,tags,status,plan\nada@example.com,\"Lovelace, Ada\",rust go,active,pro\nbob@example.com,Bob,,pending,\n",
            "\"email\"\r\n\"a\"\"b@example.com\"\r\n",
        };

        var cases = fuzzer.RunAll(seeds, text =>
        {
            File.WriteAllText(file, text, new UTF8Encoding(false));
            importer.Import(file, new ImportOptions(DryRun: true));
        }, e => e is CsvImportException);

        Assert.That(cases, Is.GreaterThan(seeds.Length));
    }
}
