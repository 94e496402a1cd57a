// Runs one Golden Liquid case through Fluid, set up as a careful user would, to compare it with our engine.
using System.Text.Json;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

/// <summary>
/// Fluid 2.x with its documented options: <see cref="UnsafeMemberAccessStrategy"/> (so nested data is readable),
/// partials from the case's "templates" through an <see cref="IFileProvider"/>, UTC for dates, and the case data
/// converted to dictionaries and lists, which Fluid reads natively. A case marked invalid passes when Fluid refuses
/// it at parse or render time; Fluid has no lax/strict parse modes, so the "strict" tags change nothing.
/// </summary>
internal static class FluidCase
{
    private static readonly FluidParser Parser = new();

    public static Outcome Run(JsonElement testCase)
    {
        var name = testCase.GetProperty("name").GetString()!;
        var source = testCase.GetProperty("template").GetString()!;
        var invalid = testCase.TryGetProperty("invalid", out var inv) && inv.GetBoolean();
        var expected = ConformanceCase.Expected(testCase);
        var shown = invalid ? "error" : ConformanceCase.Show(expected);
        var partials = new Dictionary<string, string>();
        if (testCase.TryGetProperty("templates", out var templates))
            foreach (var p in templates.EnumerateObject()) partials[p.Name] = p.Value.GetString()!;

        if (!Parser.TryParse(source, out var template, out var error))
            return new Outcome(name, source, invalid, shown, "error: " + error);
        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy(),
            FileProvider = new PartialFiles(partials),
            TimeZone = TimeZoneInfo.Utc,
        };
        var context = new TemplateContext(options);
        if (testCase.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            foreach (var property in data.EnumerateObject())
                context.SetValue(property.Name, FluidValue.Create(Plain(property.Value), options));
        string actual;
        try
        {
            actual = template.Render(context);
        }
        catch (Exception e)
        {
            return new Outcome(name, source, invalid, shown, "error: " + e.Message);
        }
        return new Outcome(name, source, !invalid && expected.Contains(actual), shown, JsonSerializer.Serialize(actual));
    }

    // JSON as the dictionaries, lists, strings, numbers and booleans an application passes.
    internal static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var l) && !element.GetRawText().Contains('.') => l,
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    // Partials by name: "{% render 'foo' %}" reads "foo.liquid", which Fluid asks for.
    private sealed class PartialFiles(Dictionary<string, string> partials) : IFileProvider
    {
        public IFileInfo GetFileInfo(string subpath)
        {
            var key = subpath.TrimStart('/');
            if (partials.TryGetValue(key, out var text) || partials.TryGetValue(Path.ChangeExtension(key, null), out text))
                return new Partial(key, text);
            return new NotFoundFileInfo(key);
        }

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
    }

    private sealed class Partial(string name, string text) : IFileInfo
    {
        private readonly byte[] _bytes = System.Text.Encoding.UTF8.GetBytes(text);

        public bool Exists => true;

        public long Length => _bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}
