// Parse-once/render-many benchmark of a realistic newsletter layout for one subscriber.
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Newsletter.Liquid;

namespace Newsletter.Benchmarks.Liquid;

[MemoryDiagnoser]
[Config(typeof(OperationsPerSecondConfig))]
public class LiquidRenderBenchmarks
{
    private LiquidTemplate template = null!;
    private string layout = string.Empty;
    private object? dictionaryModel;
    private JsonElement jsonModel;

    [GlobalSetup]
    public void Setup()
    {
        var options = new LiquidOptions
        {
            Loader = new DictionaryTemplateLoader(NewsletterModel.Partials),
            TimeZone = TimeZoneInfo.Utc,
        };
        layout = NewsletterModel.Layout;
        template = LiquidTemplate.Parse(layout, "newsletter.liquid", options);
        jsonModel = NewsletterModel.Json;
        dictionaryModel = NewsletterModel.ToPlain(jsonModel);
    }

    /// <summary>Model as nested dictionaries and lists (what the product passes).</summary>
    [Benchmark(Baseline = true)]
    public string RenderDictionaryModel() => template.Render(dictionaryModel);

    /// <summary>Model as a JsonElement, read in place without copying.</summary>
    [Benchmark]
    public string RenderJsonElementModel() => template.Render(jsonModel);

    /// <summary>Parsing cost, paid once per template (for comparison with render cost).</summary>
    [Benchmark]
    public LiquidTemplate ParseLayout() => LiquidTemplate.Parse(layout, "newsletter.liquid");

    private sealed class OperationsPerSecondConfig : ManualConfig
    {
        public OperationsPerSecondConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
