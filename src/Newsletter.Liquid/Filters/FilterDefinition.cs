// A named filter with its arity, checked when a template is parsed.
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Filters;

internal delegate object? FilterFunction(object? input, in FilterArgs args, RenderContext context);

internal sealed record FilterDefinition(string Name, int MinArgs, int MaxArgs, FilterFunction Function, string[]? Keywords = null);
