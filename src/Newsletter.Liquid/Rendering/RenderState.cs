// State shared by a render and every partial it renders, including isolated 'render' scopes.
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Rendering;

internal sealed class RenderState
{
    private long loopIterations;

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

    public void CountIteration()
    {
        if (++loopIterations > Limits.MaxLoopIterations)
        {
            throw new LiquidRuntimeError(LiquidErrors.LoopLimitExceeded(Limits.MaxLoopIterations));
        }
    }
}
