namespace Newsletter.Liquid.Tests;

/// <summary>Shorthands for parsing and rendering in tests.</summary>
internal static class TestTemplates
{
    public static string Render(string source, object? model = null, LiquidOptions? options = null) =>
        LiquidTemplate.Parse(source, "test.liquid", options).Render(model);

    public static Dictionary<string, object?> Model(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    public static LiquidOptions WithPartials(params (string Name, string Text)[] partials) => new()
    {
        Loader = new DictionaryTemplateLoader(partials.Select(p => KeyValuePair.Create(p.Name, p.Text))),
    };
}
