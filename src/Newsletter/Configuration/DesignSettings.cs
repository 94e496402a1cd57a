// The look of the default templates that a workspace sets without editing them: logo, accent colour, footer text.
namespace Newsletter.Configuration;

/// <summary>
/// The <c>design</c> section of <c>newsletter.json</c>, e.g.
/// <c>"design": { "logo": "logo.png", "logoWidth": 160, "accent": "#0969da", "footer": "Written in *Berlin*." }</c>.
/// Every value is optional; the default templates read them as <c>newsletter.design.*</c>.
/// </summary>
public sealed class DesignSettings
{
    /// <summary>The accent colour used when <see cref="Accent"/> is not set (meets WCAG 2.1 §1.4.3 AA on white: 5.2:1).</summary>
    public const string DefaultAccent = "#0969da";

    /// <summary>The footer line used when <see cref="Footer"/> is not set.</summary>
    public const string DefaultFooter = "Thanks for reading.";

    /// <summary>The web path (below <c>baseUrl</c>) where <c>serve</c> publishes a local logo; the file's extension follows.</summary>
    public const string LogoPathPrefix = "/design/logo";

    /// <summary>
    /// The header logo: an <c>https://</c> URL, or an image file (PNG, JPEG or GIF; relative to the configuration file,
    /// absolute once loaded) that <c>serve</c> publishes at <see cref="LogoPath"/>. No logo when empty: the header shows the name.
    /// </summary>
    public string? Logo { get; init; }

    /// <summary>Width the logo is shown at, in CSS pixels (16 to 600; the height follows the image). Default 160.</summary>
    public int LogoWidth { get; init; } = 160;

    /// <summary>
    /// The accent colour of links, buttons, headings and the poll, as <c>#rrggbb</c>. <c>check</c> warns when its contrast
    /// with white is below 4.5:1 (WCAG 2.1 §1.4.3 AA), as it is drawn on white and white text is drawn on it.
    /// </summary>
    public string? Accent { get; init; }

    /// <summary>A line of footer text, above the unsubscribe line; inline Markdown (emphasis, code, links), no raw HTML.</summary>
    public string? Footer { get; init; }

    /// <summary>Whether <see cref="Logo"/> is a local file rather than an https URL.</summary>
    public bool LogoIsFile => !string.IsNullOrEmpty(Logo) && !Logo.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path <c>serve</c> publishes a local logo at, e.g. <c>/design/logo.png</c>; null when the logo is not a file.</summary>
    public string? LogoPath => LogoIsFile ? LogoPathPrefix + Path.GetExtension(Logo!).ToLowerInvariant() : null;

    /// <summary>The accent in force: <see cref="Accent"/> in lower case, or <see cref="DefaultAccent"/>.</summary>
    public string AccentOrDefault => string.IsNullOrWhiteSpace(Accent) ? DefaultAccent : Accent.Trim().ToLowerInvariant();

    /// <summary>The footer in force: <see cref="Footer"/>, or <see cref="DefaultFooter"/>.</summary>
    public string FooterOrDefault => string.IsNullOrWhiteSpace(Footer) ? DefaultFooter : Footer.Trim();

    /// <summary>The image types a logo file may have: those every major mail client shows (SVG and WebP are not).</summary>
    public static readonly IReadOnlyDictionary<string, string> LogoTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
    };
}
