// Prints what each engine says about a misspelt merge field in strict mode, the error an editor meets most.
using Fluid;
using Fluid.Values;
using Newsletter.Liquid;

/// <summary>
/// Renders two templates with strict variables on in both engines and prints each outcome: one misspells
/// <c>subscriber.first_name</c> on its second line, one reads a field the model holds as null.
/// </summary>
internal static class StrictErrors
{
    private static readonly string[] Templates =
    [
        "Hello,\n{{ subscriber.frist_name | default: 'there' }}",   // a misspelt field: must fail, saying where
        "Hello,\n{{ subscriber.plan | default: 'free' }}",          // a field the model holds as null: must render
    ];

    public static void Show()
    {
        var model = new Dictionary<string, object?>
        {
            ["subscriber"] = new Dictionary<string, object?> { ["first_name"] = "Ada", ["plan"] = null },
        };
        foreach (var template in Templates)
        {
            Console.WriteLine("template: " + template.Replace("\n", "\\n"));
            Console.WriteLine("  ours:  " + Ours(template, model).ReplaceLineEndings(" | "));
            Console.WriteLine("  fluid: " + Fluid(template, model).ReplaceLineEndings(" | "));
        }
    }

    private static string Ours(string source, Dictionary<string, object?> model)
    {
        try
        {
            return "rendered " + LiquidTemplate.Parse(source, "issue.md", new LiquidOptions { StrictVariables = true }).Render(model);
        }
        catch (LiquidException e)
        {
            return e.Message;
        }
    }

    private static string Fluid(string source, Dictionary<string, object?> model)
    {
        var options = new TemplateOptions { StrictVariables = true, MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        if (!new FluidParser().TryParse(source, out var template, out var error)) return "parse error: " + error;
        var context = new TemplateContext(options);
        foreach (var (name, value) in model) context.SetValue(name, FluidValue.Create(value, options));
        try
        {
            return "rendered " + template.Render(context);
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }
}
