// {% cycle [group:] a, b, c %}: outputs the next value each time a cycle with the same key renders.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class CycleTag : Node
{
    private readonly Expression? group;
    private readonly Expression[] values;
    private readonly string key;

    private CycleTag(Expression? group, Expression[] values, string key, int offset)
        : base(offset)
    {
        this.group = group;
        this.values = values;
        this.key = key;
    }

    public static Node Parse(Parser parser, Token tag)
    {
        var expression = parser.Expression(tag);
        Expression? group = null;
        var first = expression.ParsePrimary();
        if (expression.Accept(ExprTokenKind.Colon))
        {
            group = first;
            first = expression.ParsePrimary();
        }

        var values = new List<Expression> { first };
        while (expression.Accept(ExprTokenKind.Comma))
        {
            values.Add(expression.ParsePrimary());
        }

        expression.ExpectEnd();

        // Unnamed cycles with the same values share their position, as in Shopify Liquid.
        var key = "values:" + string.Join(",", values.Select(v => Describe(parser, v)));
        return new CycleTag(group, values.ToArray(), key, tag.Offset);
    }

    private static string Describe(Parser parser, Expression expression) => expression switch
    {
        LiteralExpression { Value: string s } => "'" + s + "'",
        LiteralExpression literal => Formatting.ToText(literal.Value),
        VariableExpression variable => "var:" + variable.RootName + ":" + variable.Offset,
        _ => expression.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public override Completion Render(RenderContext context)
    {
        var cycleKey = group is null ? key : "group:" + Formatting.ToText(group.Evaluate(context));
        var index = context.NextCycle(cycleKey, values.Length);
        if (index < values.Length)
        {
            context.Output.WriteValue(values[index].Evaluate(context));
        }

        return Completion.Normal;
    }
}
