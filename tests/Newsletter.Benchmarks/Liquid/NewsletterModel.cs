// Loads the benchmark newsletter (templates and subscriber data) shared with the liquidjs comparison script.
using System.Text.Json;

namespace Newsletter.Benchmarks.Liquid;

/// <summary>The benchmark inputs: layout source, partials and data, as files under Liquid/templates.</summary>
public static class NewsletterModel
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Liquid", "templates");

    public static string Layout => File.ReadAllText(Path.Combine(Directory, "newsletter.liquid"));

    public static IReadOnlyDictionary<string, string> Partials => new Dictionary<string, string>
    {
        ["poll"] = File.ReadAllText(Path.Combine(Directory, "poll.liquid")),
    };

    public static JsonElement Json => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "data.json"))).RootElement.Clone();

    /// <summary>The same data as plain dictionaries and lists, the shape application code usually passes.</summary>
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var l) && !element.GetRawText().Contains('.') => l,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
