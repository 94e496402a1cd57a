// Parse-time settings shared by a template and the partials it loads.
using System.Collections.Concurrent;
using System.Globalization;

namespace Newsletter.Liquid;

/// <summary>
/// Settings used when parsing a template and rendering it. One instance may be shared by many templates;
/// partials loaded through <see cref="Loader"/> are parsed once and cached on the instance.
/// </summary>
public sealed class LiquidOptions
{
    internal static readonly LiquidOptions DefaultOptions = new();

    /// <summary>Parse strictness. Default <see cref="LiquidErrorMode.Lax"/>, as in Shopify Liquid.</summary>
    public LiquidErrorMode ErrorMode { get; init; } = LiquidErrorMode.Lax;

    /// <summary>When true, reading an undefined variable or missing key raises a <see cref="LiquidRenderException"/>.</summary>
    public bool StrictVariables { get; init; }

    /// <summary>
    /// When true, an unknown filter name raises a <see cref="LiquidParseException"/>;
    /// otherwise an unknown filter passes its input through unchanged, as Shopify Liquid does.
    /// </summary>
    public bool StrictFilters { get; init; }

    /// <summary>
    /// When true, every <c>{{ … }}</c> and <c>echo</c> output is HTML-escaped (&amp; &lt; &gt; " and ', as the
    /// <c>escape</c> filter does) unless its last filter is <c>raw</c>, or already escapes (<c>escape</c>, <c>h</c>,
    /// <c>escape_once</c>). Use it for HTML templates, so merge fields from readers cannot inject markup. Partials
    /// loaded through these options inherit it. Default false, as in Shopify Liquid.
    /// </summary>
    public bool EscapeOutput { get; init; }

    /// <summary>Source of partials for <c>render</c> and <c>include</c>; null means partials are not found.</summary>
    public ITemplateLoader? Loader { get; init; }

    /// <summary>Resource limits applied to each render.</summary>
    public LiquidLimits Limits { get; init; } = LiquidLimits.Default;

    /// <summary>Time zone used by the <c>date</c> filter for "now", timestamps and dates without an offset.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>
    /// Culture for month and day names in the <c>date</c> filter. Default <see cref="CultureInfo.InvariantCulture"/>
    /// (English names, as Ruby's strftime). Numbers are always formatted invariantly.
    /// </summary>
    public IFormatProvider Culture { get; init; } = CultureInfo.InvariantCulture;

    // Parsed partials; keyed by name so a partial is loaded and parsed once per options instance, also under a race.
    internal ConcurrentDictionary<string, Lazy<LiquidTemplate>> PartialCache { get; } = new(StringComparer.Ordinal);
}
