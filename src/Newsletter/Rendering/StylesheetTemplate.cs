// A layout's stylesheet is itself a Liquid template over the newsletter-wide values (the design's accent colour).
using Newsletter.Liquid;

namespace Newsletter.Rendering;

/// <summary>
/// Renders a stylesheet's Liquid (e.g. <c>color: {{ newsletter.design.accent }};</c>) once per issue, before CSS
/// inlining, with only <c>newsletter</c> defined: a stylesheet is the same for every reader. A stylesheet without
/// Liquid comes back unchanged.
/// </summary>
public static class StylesheetTemplate
{
    /// <summary>The CSS of <paramref name="css"/> (the file <paramref name="name"/>) with its Liquid evaluated against <paramref name="model"/>.</summary>
    /// <exception cref="TemplateException">A Liquid error in the stylesheet, with position, or a name other than <c>newsletter.*</c>.</exception>
    public static string Render(string css, string name, EmailModel model)
    {
        if (!css.Contains("{{", StringComparison.Ordinal) && !css.Contains("{%", StringComparison.Ordinal)) return css;
        try
        {
            var options = new LiquidOptions { ErrorMode = LiquidErrorMode.Strict, StrictVariables = true, StrictFilters = true };
            return LiquidTemplate.Parse(css, name, options).Render(model.ForStylesheet());
        }
        catch (LiquidException e)
        {
            throw TemplateException.From(e);
        }
    }
}
