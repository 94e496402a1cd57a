// Counting a segment over 1,000,000 subscribers: target under one second.
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Newsletter.Audience;
using Newsletter.Audience.Segments;

namespace Newsletter.Benchmarks.Audience;

[Config(typeof(AudienceConfig))]
public class SegmentBenchmarks
{
    private SubscriberStore _store = null!;

    [Params("tag:rust and not tag:beginner", "plan = pro", "(tag:go or tag:rust) and plan != pro")]
    public string Segment { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _store = new SubscriberStore(AudienceFixture.EnsureLoadedDatabase(), TimeProvider.System);

    [Benchmark(Description = "count a segment of 1,000,000")]
    public long Count()
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = _store.Count(CompiledSegment.Compile(Segment));
        process.Refresh();
        Console.WriteLine($"// audience: '{Segment}' selects {count:N0} of {AudienceFixture.Rows:N0} in {clock.Elapsed.TotalMilliseconds:N0} ms " +
            $"(process CPU {(process.TotalProcessorTime - cpuBefore).TotalMilliseconds:N0} ms)");
        return count;
    }
}
