// Streaming 1,000,000 subscribers (what export and a send read) with flat memory.
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Newsletter.Audience;
using Newsletter.Audience.Export;

namespace Newsletter.Benchmarks.Audience;

[Config(typeof(AudienceConfig))]
[MemoryDiagnoser]
public class StreamBenchmarks
{
    private SubscriberStore _store = null!;

    [GlobalSetup]
    public void Setup() => _store = new SubscriberStore(AudienceFixture.EnsureLoadedDatabase(), TimeProvider.System);

    [Benchmark(Description = "stream 1,000,000 subscribers")]
    public long Stream()
    {
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        var clock = Stopwatch.StartNew();
        long count = 0;
        foreach (var subscriber in _store.List())
        {
            if (++count % 100_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            if (subscriber.Email.Length == 0) throw new InvalidOperationException("empty address");
        }
        Report("stream", count, clock, baseline, peak);
        return count;
    }

    [Benchmark(Description = "export 1,000,000 subscribers as CSV")]
    public long ExportCsv()
    {
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var count = new SubscriberExporter(_store, () => ["city", "plan"]).Export(System.IO.Stream.Null, ExportFormat.Csv);
        Report("export", count, clock, baseline, GC.GetTotalMemory(forceFullCollection: true));
        return count;
    }

    // The live managed heap (after a full collection) sampled every 100,000 rows: it stays near the baseline whatever the list's size.
    private static void Report(string what, long count, Stopwatch clock, long baseline, long peak) =>
        Console.WriteLine($"// audience: {what} {count:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s; managed heap {baseline / 1048576.0:0.0} MiB live before, " +
            $"{peak / 1048576.0:0.0} MiB highest live sample; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
}
