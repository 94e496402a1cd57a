// Parse-once/render-many benchmark of a realistic newsletter layout for one subscriber, on our engine and on Fluid.
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
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
    private IFluidTemplate fluidTemplate = null!;
    private TemplateOptions fluidOptions = null!;

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

        // Fluid 2.41.1 as its documentation sets it up: nested dictionaries readable, partials from the folder.
        fluidOptions = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy(),
            FileProvider = new PhysicalFileProvider(NewsletterModel.Directory),
            TimeZone = TimeZoneInfo.Utc,
        };
        if (!new FluidParser().TryParse(layout, out fluidTemplate, out var error)) throw new InvalidOperationException("Fluid: " + error);
    }

    /// <summary>The same layout and model on Fluid, a new TemplateContext per render as Fluid requires.</summary>
    [Benchmark]
    public string RenderWithFluid()
    {
        var context = new TemplateContext(fluidOptions);
        foreach (var (name, value) in (Dictionary<string, object?>)dictionaryModel!)
            context.SetValue(name, FluidValue.Create(value, fluidOptions));
        return fluidTemplate.Render(context);
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
