// Safety limits that bound the work and memory one render may use.
namespace Newsletter.Liquid;

/// <summary>
/// Resource limits applied to every render. Exceeding one raises a <see cref="LiquidRenderException"/>.
/// </summary>
public sealed record LiquidLimits
{
    /// <summary>Limits suitable for newsletter templates: 1,000,000 loop iterations, 10 MiB output, partial depth 25.</summary>
    public static LiquidLimits Default { get; } = new();

    /// <summary>
    /// Maximum number of <c>for</c>/<c>tablerow</c> iterations (all loops together) in one render. Default 1,000,000.
    /// </summary>
    public long MaxLoopIterations { get; init; } = 1_000_000;

    /// <summary>
    /// Maximum output size in bytes (UTF-8) of one render, counting captured text too. Default 10 MiB.
    /// The strings filters build (<c>append</c>, <c>replace</c>, <c>join</c>…, also when only assigned) are counted
    /// against a second budget of the same size, so no render holds more than about twice this in text.
    /// </summary>
    public long MaxOutputBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>
    /// Maximum nesting of <c>render</c>/<c>include</c> partials, which bounds recursion. Default 25.
    /// </summary>
    public int MaxPartialDepth { get; init; } = 25;
}
