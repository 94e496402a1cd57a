// Loads, parses and caches partials through the options' loader, and guards partial nesting depth.
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal static class PartialLoader
{
    public static LiquidTemplate Load(RenderContext context, string name)
    {
        var options = context.Options;
        // One load and parse per name even when many renders ask at once: the first caller does it, the rest wait.
        var entry = options.PartialCache.GetOrAdd(name, key => new Lazy<LiquidTemplate>(() => Parse(options, key), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A partial that is missing or broken now may be fixed by the next render: its failure is not kept.
            options.PartialCache.TryRemove(KeyValuePair.Create(name, entry));
            throw;
        }
    }

    private static LiquidTemplate Parse(LiquidOptions options, string name)
    {
        var source = options.Loader?.Load(name) ?? throw new LiquidRuntimeError(LiquidErrors.PartialNotFound(name));
        return LiquidTemplate.Parse(source.Text, source.Name, options);
    }

    public static void Enter(RenderContext context)
    {
        var state = context.State;
        if (state.PartialDepth >= state.Limits.MaxPartialDepth)
        {
            throw new LiquidRuntimeError(LiquidErrors.PartialDepthExceeded(state.Limits.MaxPartialDepth));
        }

        state.PartialDepth++;
    }

    public static void Leave(RenderContext context) => context.State.PartialDepth--;
}
