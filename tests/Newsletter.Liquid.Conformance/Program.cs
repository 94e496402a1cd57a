// Runs a Golden Liquid style conformance file against our engine (or, for comparison, Fluid) and prints "N passed, M failed".
using System.Text;
using System.Text.Json;
using Newsletter.Liquid;

if (args is ["--undefined-variable"])
{
    StrictErrors.Show();
    return 0;
}

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Newsletter.Liquid.Conformance FILE.json [--engine ours|fluid] [--failures FILE] | --undefined-variable");
    return 2;
}

string? failuresPath = null;
var engine = "ours";
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--failures" && i + 1 < args.Length)
    {
        failuresPath = args[++i];
    }
    else if (args[i] == "--engine" && i + 1 < args.Length)
    {
        engine = args[++i];
    }
}
Func<JsonElement, Outcome> run = engine switch
{
    "ours" => ConformanceCase.Run,
    "fluid" => FluidCase.Run,
    _ => throw new ArgumentException($"unknown engine '{engine}': ours or fluid"),
};

using var document = JsonDocument.Parse(File.ReadAllText(args[0]));
var passed = 0;
var failed = 0;
var report = new StringBuilder();
foreach (var testCase in document.RootElement.GetProperty("tests").EnumerateArray())
{
    var outcome = run(testCase);
    if (outcome.Passed)
    {
        passed++;
    }
    else
    {
        failed++;
        report.Append("FAIL ").AppendLine(outcome.Name)
            .Append("  template: ").AppendLine(JsonSerializer.Serialize(outcome.Template))
            .Append("  expected: ").AppendLine(outcome.Expected)
            .Append("  actual:   ").AppendLine(outcome.Actual)
            .AppendLine();
    }
}

if (failuresPath is not null)
{
    File.WriteAllText(failuresPath, report.ToString());
}
else if (failed > 0)
{
    Console.Write(report);
}

Console.WriteLine($"{engine}: {passed} passed, {failed} failed ({100.0 * passed / Math.Max(1, passed + failed):0.0}%)");
return failed == 0 ? 0 : 1;

/// <summary>Runs one case: parse mode from its tags, partials from "templates", data as JSON.</summary>
internal static class ConformanceCase
{
    public static Outcome Run(JsonElement testCase)
    {
        var name = testCase.GetProperty("name").GetString()!;
        var template = testCase.GetProperty("template").GetString()!;
        var tags = testCase.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        var data = testCase.TryGetProperty("data", out var d) ? d.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
        var partials = new Dictionary<string, string>();
        if (testCase.TryGetProperty("templates", out var templates))
        {
            foreach (var p in templates.EnumerateObject())
            {
                partials[p.Name] = p.Value.GetString()!;
            }
        }

        var invalid = testCase.TryGetProperty("invalid", out var inv) && inv.GetBoolean();
        var expected = new List<string>();
        if (testCase.TryGetProperty("result", out var result))
        {
            expected.Add(result.GetString()!);
        }

        if (testCase.TryGetProperty("results", out var results))
        {
            expected.AddRange(results.EnumerateArray().Select(r => r.GetString()!));
        }

        var options = new LiquidOptions
        {
            ErrorMode = tags.Contains("strict2") ? LiquidErrorMode.Strict2 : tags.Contains("strict") ? LiquidErrorMode.Strict : LiquidErrorMode.Lax,
            Loader = new DictionaryTemplateLoader(partials),
            TimeZone = TimeZoneInfo.Utc,
        };

        string actual;
        try
        {
            actual = LiquidTemplate.Parse(template, "template", options).Render(data);
        }
        catch (LiquidException e)
        {
            return new Outcome(name, template, invalid, invalid ? "error" : Show(expected), "error: " + e.Message);
        }
        catch (Exception e)
        {
            return new Outcome(name, template, false, invalid ? "error" : Show(expected), "CRASH: " + e);
        }

        var ok = !invalid && expected.Contains(actual);
        return new Outcome(name, template, ok, invalid ? "error" : Show(expected), JsonSerializer.Serialize(actual));
    }

    /// <summary>The expected results of a case: "result" and any alternatives in "results".</summary>
    public static List<string> Expected(JsonElement testCase)
    {
        var expected = new List<string>();
        if (testCase.TryGetProperty("result", out var result)) expected.Add(result.GetString()!);
        if (testCase.TryGetProperty("results", out var results)) expected.AddRange(results.EnumerateArray().Select(r => r.GetString()!));
        return expected;
    }

    public static string Show(List<string> expected) => string.Join(" | ", expected.Select(e => JsonSerializer.Serialize(e)));
}

internal sealed record Outcome(string Name, string Template, bool Passed, string Expected, string Actual);
