// One '| name: args' step of a filtered expression.
using Newsletter.Liquid.Filters;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal sealed class FilterCall
{
    public FilterCall(string name, FilterDefinition? definition, Expression[] arguments, KeyValuePair<string, Expression>[]? keywords, int offset)
    {
        Name = name;
        Definition = definition;
        Arguments = arguments;
        Keywords = keywords;
        Offset = offset;
    }

    public string Name { get; }

    /// <summary>Null for an unknown filter in lax mode, which passes its input through.</summary>
    public FilterDefinition? Definition { get; }

    public Expression[] Arguments { get; }

    public KeyValuePair<string, Expression>[]? Keywords { get; }

    public int Offset { get; }

    public object? Apply(object? input, RenderContext context)
    {
        if (Definition is null)
        {
            return input;
        }

        var args = Evaluate(context);
        try
        {
            var result = Definition.Function(input, args, context);
            if (result is string text && !ReferenceEquals(text, input))
            {
                context.State.CountBuilt(text);
            }

            return result;
        }
        catch (LiquidRuntimeError e)
        {
            throw context.Error(Offset, LiquidErrors.FilterError(Name, e.Message));
        }
    }

    private FilterArgs Evaluate(RenderContext context)
    {
        var arguments = Arguments;
        KeyValuePair<string, object?>[]? keywords = null;
        if (Keywords is not null)
        {
            keywords = new KeyValuePair<string, object?>[Keywords.Length];
            for (var i = 0; i < keywords.Length; i++)
            {
                keywords[i] = new(Keywords[i].Key, Keywords[i].Value.Evaluate(context));
            }
        }

        switch (arguments.Length)
        {
            case 0: return new FilterArgs(0, null, null, null, null, keywords);
            case 1: return new FilterArgs(1, arguments[0].Evaluate(context), null, null, null, keywords);
            case 2: return new FilterArgs(2, arguments[0].Evaluate(context), arguments[1].Evaluate(context), null, null, keywords);
            case 3: return new FilterArgs(3, arguments[0].Evaluate(context), arguments[1].Evaluate(context), arguments[2].Evaluate(context), null, keywords);
            default:
                var all = new object?[arguments.Length];
                for (var i = 0; i < all.Length; i++)
                {
                    all[i] = arguments[i].Evaluate(context);
                }

                return new FilterArgs(all.Length, null, null, null, all, keywords);
        }
    }
}
