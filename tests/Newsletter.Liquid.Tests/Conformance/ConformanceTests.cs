using System.Text.Json;

namespace Newsletter.Liquid.Tests.Conformance;

/// <summary>Runs every Golden Liquid case of liquid-dev.json as its own test.</summary>
public class ConformanceTests
{
    private static readonly string FilePath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Conformance", "liquid-dev.json");

    public static IEnumerable<TestCaseData> Cases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
        foreach (var testCase in document.RootElement.GetProperty("tests").EnumerateArray())
        {
            var name = testCase.GetProperty("name").GetString()!;
            var data = new TestCaseData(testCase.GetRawText()).SetName(name.Replace('.', '_').Replace('(', '[').Replace(')', ']'));
            if (Deviations.TryGetValue(name, out var reason))
            {
                data.Ignore(reason);
            }

            yield return data;
        }
    }

    /// <summary>Cases skipped on purpose, with the deliberate deviation from Shopify Liquid they exercise.</summary>
    private static readonly Dictionary<string, string> Deviations = new();

    [TestCaseSource(nameof(Cases))]
    public void Case(string json)
    {
        using var document = JsonDocument.Parse(json);
        var testCase = document.RootElement;
        var tags = testCase.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        var partials = testCase.TryGetProperty("templates", out var p)
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString()!)
            : new Dictionary<string, string>();
        var options = new LiquidOptions
        {
            ErrorMode = tags.Contains("strict2") ? LiquidErrorMode.Strict2 : tags.Contains("strict") ? LiquidErrorMode.Strict : LiquidErrorMode.Lax,
            Loader = new DictionaryTemplateLoader(partials),
            TimeZone = TimeZoneInfo.Utc,
        };
        var source = testCase.GetProperty("template").GetString()!;
        var data = testCase.TryGetProperty("data", out var d) ? d.Clone() : default(JsonElement?);

        if (testCase.TryGetProperty("invalid", out var invalid) && invalid.GetBoolean())
        {
            Assert.Throws(Is.InstanceOf<LiquidException>(), () => LiquidTemplate.Parse(source, "template", options).Render(data));
            return;
        }

        var expected = testCase.TryGetProperty("result", out var r)
            ? [r.GetString()!]
            : testCase.GetProperty("results").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var actual = LiquidTemplate.Parse(source, "template", options).Render(data);
        Assert.That(expected, Does.Contain(actual));
    }
}
