// Mutated templates (the default design and conformance cases) never crash, overflow or hang parsing or rendering.
using System.Text.Json;
using Newsletter.Tests.Support;

namespace Newsletter.Liquid.Tests.Parsing;

public class ParserFuzzTests
{
    private static readonly string[] Dictionary =
    [
        "{{", "}}", "{%", "%}", "{%-", "-%}", "{{ x }}", "{% if x %}", "{% endif %}", "{% for i in (1..3) %}", "{% endfor %}",
        "{% raw %}", "{% endraw %}", "{% comment %}", "{% capture c %}", "{% endcapture %}", "{% assign s = s | append: s %}",
        "{% case x %}", "{% when 1 %}", "{% render 'p' %}", "{% include 'p' %}", "{% liquid\n", "|", ": ", ",", "(", ")", "..",
        "[", "]", "'", "\"", " and ", " or ", " contains ", "==", "!=", "<", ">", "-", ".", "upcase", "split: ''", "\n", "\0",
        "\uD800", "é", "9999999999999999999999",
    ];

    private static readonly LiquidLimits Small = new() { MaxLoopIterations = 20_000, MaxOutputBytes = 256 * 1024, MaxPartialDepth = 10 };

    [Test]
    public void ParseAndRender_MutatedTemplates_ThrowOnlyLiquidException()
    {
        var fuzzer = new Fuzzer(20261204, Dictionary);
        var model = new Dictionary<string, object?>
        {
            ["x"] = 1, ["s"] = "ab", ["list"] = new List<object?> { 1, "two", null },
            ["subscriber"] = new Dictionary<string, object?> { ["name"] = "<Ada>", ["email"] = "ada@example.com" },
        };
        var seeds = Seeds();

        var cases = fuzzer.RunAll(seeds, text =>
        {
            foreach (var mode in new[] { LiquidErrorMode.Lax, LiquidErrorMode.Strict })
            {
                var options = new LiquidOptions
                {
                    ErrorMode = mode, StrictVariables = mode == LiquidErrorMode.Strict, EscapeOutput = mode == LiquidErrorMode.Strict,
                    Limits = Small, Loader = new DictionaryTemplateLoader([KeyValuePair.Create("p", text)]),
                };
                if (LiquidTemplate.TryParse(text, "fuzz.liquid", options, out var template, out _)) template.Render(model);
            }
        }, e => e is LiquidException);

        Assert.That(cases, Is.GreaterThan(seeds.Count));
    }

    private static List<string> Seeds()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Newsletter.sln"))) root = root.Parent;
        var seeds = Directory.EnumerateFiles(Path.Combine(root!.FullName, "templates"), "*.liquid", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        using var suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Conformance", "liquid-dev.json")));
        // Every seventh conformance case: a spread over every tag and filter, few enough to leave time for mutations.
        seeds.AddRange(suite.RootElement.GetProperty("tests").EnumerateArray().Where((_, i) => i % 7 == 0).Select(t => t.GetProperty("template").GetString()!));
        return seeds;
    }
}
