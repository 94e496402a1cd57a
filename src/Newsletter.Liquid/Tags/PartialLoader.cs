// Loads, parses and caches partials through the options' loader, and guards partial nesting depth.
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal static class PartialLoader
{
    public static LiquidTemplate Load(RenderContext context, string name)
    {
        var options = context.Options;
        if (options.PartialCache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var source = options.Loader?.Load(name) ?? throw new LiquidRuntimeError(LiquidErrors.PartialNotFound(name));

        // Parsing twice under a race is harmless; GetOrAdd keeps a single instance.
        var template = LiquidTemplate.Parse(source.Text, source.Name, options);
        return options.PartialCache.GetOrAdd(name, template);
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
