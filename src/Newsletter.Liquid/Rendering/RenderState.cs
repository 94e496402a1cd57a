// State shared by a render and every partial it renders, including isolated 'render' scopes.
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Rendering;

internal sealed class RenderState
{
    private long loopIterations;
    private long builtBytes;

    public RenderState(LiquidOptions options, RenderOutput output, LiquidRenderContextOptions? renderOptions)
    {
        Options = options;
        Output = output;
        Limits = options.Limits;
        TimeZone = renderOptions?.TimeZone ?? options.TimeZone;
        FixedNow = renderOptions?.Now;
    }

    public LiquidOptions Options { get; }

    public LiquidLimits Limits { get; }

    public RenderOutput Output { get; }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset? FixedNow { get; }

    public int PartialDepth { get; set; }

    private DateTimeOffset? now;

    /// <summary>"now" is fixed for the whole render so every date filter sees the same instant.</summary>
    public DateTimeOffset Now => now ??= TimeZoneInfo.ConvertTime(FixedNow ?? DateTimeOffset.UtcNow, TimeZone);

    /// <summary>
    /// Counts a string a filter built against the output limit. Strings that are assigned instead of written never
    /// reach the output counter, so without this a template doubling a variable in a loop exhausts memory first.
    /// </summary>
    public void CountBuilt(string text)
    {
        // A string's UTF-8 size is at least its length, so long strings fail without being measured.
        builtBytes += text.Length > Limits.MaxOutputBytes ? text.Length : System.Text.Encoding.UTF8.GetByteCount(text);
        if (builtBytes > Limits.MaxOutputBytes)
        {
            throw new LiquidRuntimeError(LiquidErrors.BuiltLimitExceeded(Limits.MaxOutputBytes));
        }
    }

    public void CountIteration()
    {
        if (++loopIterations > Limits.MaxLoopIterations)
        {
            throw new LiquidRuntimeError(LiquidErrors.LoopLimitExceeded(Limits.MaxLoopIterations));
        }
    }
}
