// Per-render settings that do not change how a template parses.
namespace Newsletter.Liquid;

/// <summary>
/// Overrides for a single render call.
/// </summary>
public sealed class LiquidRenderContextOptions
{
    /// <summary>
    /// The instant the <c>date</c> filter uses for "now" and "today". Null means the current system time.
    /// </summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Overrides <see cref="LiquidOptions.TimeZone"/> for this render when not null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
}
