// {% render 'name' %}: renders a partial in an isolated scope that sees only the arguments passed to it.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class RenderTag : Node
{
    private readonly string templateName;
    private readonly PartialArguments arguments;

    private RenderTag(string templateName, PartialArguments arguments, int offset)
        : base(offset)
    {
        this.templateName = templateName;
        this.arguments = arguments;
    }

    public static Node Parse(Parser parser, Token tag)
    {
        var expression = parser.Expression(tag);
        if (expression.Current.Kind != ExprTokenKind.String)
        {
            throw parser.Source.ParseError(expression.Current.Offset, LiquidErrors.RenderNameNotString);
        }

        var templateName = expression.Advance().Text;
        var arguments = PartialArguments.Parse(parser, expression);
        return new RenderTag(templateName, arguments, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        var partial = PartialLoader.Load(context, templateName);
        var variableName = arguments.VariableName(templateName);
        var value = arguments.Bound?.Evaluate(context);
        var keywords = new KeyValuePair<string, object?>[arguments.Keywords.Count];
        for (var i = 0; i < keywords.Length; i++)
        {
            keywords[i] = new(arguments.Keywords[i].Key, arguments.Keywords[i].Value.Evaluate(context));
        }

        PartialLoader.Enter(context);
        try
        {
            // Like Shopify Liquid, 'for' iterates anything enumerable (arrays, ranges, hash pairs).
            if (arguments.IsFor && Sequences.AsList(value) is { } items)
            {
                var forloop = new ForLoopObject(templateName, items.Count, null);
                for (var i = 0; i < items.Count; i++)
                {
                    forloop.Index0 = i;
                    var inner = CreateScope(context, partial, keywords);
                    inner.SetLocal("forloop", forloop);
                    inner.SetLocal(variableName, items[i]);
                    partial.Body.Render(inner);
                }
            }
            else
            {
                var inner = CreateScope(context, partial, keywords);
                if (arguments.Bound is not null)
                {
                    inner.SetLocal(variableName, value);
                }

                partial.Body.Render(inner);
            }
        }
        finally
        {
            PartialLoader.Leave(context);
        }

        return Completion.Normal;
    }

    private static RenderContext CreateScope(RenderContext outer, LiquidTemplate partial, KeyValuePair<string, object?>[] keywords)
    {
        var inner = new RenderContext(outer.State, null, partial.Source, isolated: true);
        foreach (var keyword in keywords)
        {
            inner.SetLocal(keyword.Key, keyword.Value);
        }

        return inner;
    }
}
