// The design values templates show: accent colour, logo and footer line, from the `design` settings.
using Newsletter.Configuration;

namespace Newsletter.Rendering;

/// <summary>
/// Exposed to templates (and to the stylesheet, which is rendered as Liquid) as <c>newsletter.design.accent</c>
/// (<c>#rrggbb</c>), <c>newsletter.design.logo_url</c> (absolute URL, empty without a logo),
/// <c>newsletter.design.logo_width</c> (CSS pixels), <c>newsletter.design.footer</c> (the footer line as HTML) and
/// <c>newsletter.design.footer_text</c> (the same line as plain text).
/// </summary>
/// <param name="Accent">The accent colour, <c>#rrggbb</c>.</param>
/// <param name="LogoUrl">Absolute URL of the logo, or empty.</param>
/// <param name="LogoWidth">Display width of the logo in CSS pixels.</param>
/// <param name="FooterHtml">The footer line as an HTML fragment (inline elements only).</param>
/// <param name="FooterText">The footer line as plain text.</param>
public sealed record DesignInfo(string Accent, string LogoUrl, int LogoWidth, string FooterHtml, string FooterText)
{
    /// <summary>The design of a workspace that sets none.</summary>
    public static DesignInfo Default { get; } = From(new DesignSettings(), "");

    /// <summary>The values of <paramref name="design"/>; a local logo is addressed where <c>serve</c> publishes it below <paramref name="baseUrl"/>.</summary>
    /// <param name="design">The validated <c>design</c> section.</param>
    /// <param name="baseUrl">The <c>baseUrl</c> setting, without trailing slash.</param>
    public static DesignInfo From(DesignSettings design, string baseUrl)
    {
        var logo = design.LogoPath is { } path ? baseUrl.TrimEnd('/') + path : design.Logo ?? "";
        var footer = design.FooterOrDefault;
        return new DesignInfo(design.AccentOrDefault, logo, design.LogoWidth, InlineMarkdown.ToHtml(footer), InlineMarkdown.ToText(footer));
    }

    /// <summary>The values as a template sees them under <c>newsletter.design</c>.</summary>
    public Dictionary<string, object?> ToTemplateValues() => new()
    {
        ["accent"] = Accent,
        ["logo_url"] = LogoUrl,
        ["logo_width"] = LogoWidth,
        ["footer"] = FooterHtml,
        ["footer_text"] = FooterText,
    };
}
