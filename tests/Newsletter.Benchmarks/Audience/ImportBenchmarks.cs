// Import of 1,000,000 CSV rows into an empty list: target 50,000 rows per second or more.
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Newsletter.Audience;
using Newsletter.Storage;

namespace Newsletter.Benchmarks.Audience;

[Config(typeof(AudienceConfig))]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _csv = null!;
    private Database _database = null!;
    private int _run;

    [GlobalSetup]
    public void Setup() => _csv = AudienceFixture.EnsureCsv();

    [IterationSetup]
    public void FreshDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(AudienceFixture.Folder, "import-*.db*")) File.Delete(file);
        _database = Database.Open(Path.Combine(AudienceFixture.Folder, $"import-{_run++}.db"));
    }

    [Benchmark(Description = "import 1,000,000 CSV rows")]
    public int Import()
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = new SubscriberCsvImporter(_database, TimeProvider.System).Import(_csv);
        var rate = report.Added / clock.Elapsed.TotalSeconds;
        process.Refresh();
        // CPU seconds show what the import costs when other work shares the machine's cores.
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"// audience: imported {report.Added:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s = {rate:N0} rows/s " +
            $"(process CPU {cpu:0.00} s = {report.Added / cpu:N0} rows per CPU second)");
        if (report.Added != AudienceFixture.Rows) throw new InvalidOperationException($"imported {report.Added} rows");
        return report.Added;
    }
}
