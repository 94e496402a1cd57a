// Filter chains of expressions ("| name: arg, key: value"), with arity checked against the filter table.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Filters;

namespace Newsletter.Liquid.Parsing;

internal sealed partial class ExpressionParser
{
    public FilterCall[] ParseFilters()
    {
        List<FilterCall>? filters = null;
        while (true)
        {
            if (!Accept(ExprTokenKind.Pipe))
            {
                if (Lax && !AtEnd && SkipToNextPipe())
                {
                    continue;
                }

                break;
            }

            if (Current.Kind != ExprTokenKind.Identifier)
            {
                if (Lax)
                {
                    continue;
                }

                throw Error("a filter name");
            }

            (filters ??= []).Add(ParseFilter());
        }

        return filters?.ToArray() ?? [];
    }

    private bool SkipToNextPipe()
    {
        while (!AtEnd && Current.Kind != ExprTokenKind.Pipe)
        {
            Advance();
        }

        return !AtEnd;
    }

    private FilterCall ParseFilter()
    {
        var nameToken = Advance();
        var name = nameToken.Text;
        var arguments = new List<Expression>();
        List<KeyValuePair<string, Expression>>? keywords = null;
        if (Accept(ExprTokenKind.Colon))
        {
            do
            {
                if (Current.Kind == ExprTokenKind.Identifier && Peek().Kind == ExprTokenKind.Colon)
                {
                    var key = Advance().Text;
                    Advance();
                    (keywords ??= []).Add(new(key, ParsePrimary()));
                }
                else if (Lax && Current.Kind is ExprTokenKind.Pipe or ExprTokenKind.End)
                {
                    break;
                }
                else
                {
                    arguments.Add(ParsePrimary());
                }
            }
            while (Accept(ExprTokenKind.Comma));
        }

        FilterDefinition? definition = null;
        if (FilterRegistry.TryGet(name, out var found))
        {
            definition = found;
            var given = arguments.Count + (keywords?.Count(k => found.Keywords is null || !found.Keywords.Contains(k.Key)) ?? 0);
            if (given < found.MinArgs || given > found.MaxArgs)
            {
                throw source.ParseError(nameToken.Offset, LiquidErrors.FilterArity(name, found.MinArgs, found.MaxArgs, given));
            }
        }
        else if (options.StrictFilters)
        {
            throw source.ParseError(nameToken.Offset, LiquidErrors.UnknownFilter(name));
        }

        return new FilterCall(name, definition, arguments.ToArray(), keywords?.ToArray(), nameToken.Offset);
    }
}
