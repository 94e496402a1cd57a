// {% assign name = value | filters %}: sets a variable in the template's outermost scope.
using System.Text.RegularExpressions;
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed partial class AssignTag : Node
{
    private readonly string name;
    private readonly Expression value;

    private AssignTag(string name, Expression value, int offset)
        : base(offset)
    {
        this.name = name;
        this.value = value;
    }

    public override bool IsBlank => true;

    public static Node Parse(Parser parser, Token tag)
    {
        // The name is taken as written (Shopify Liquid allows e.g. "a.b" or "x-y"); only the value is parsed
        // according to the error mode.
        var match = Syntax().Match(tag.Markup);
        if (!match.Success)
        {
            throw parser.Error(tag, LiquidErrors.TagSyntax("assign", "'assign name = value'"));
        }

        var name = match.Groups[1].Value;
        var expression = new ExpressionParser(parser.Source, parser.Options, match.Groups[2].Value, tag.MarkupOffset + match.Groups[2].Index);

        // "assign x =" with nothing after it assigns nil, as in Shopify Liquid.
        Expression value = expression.AtEnd ? new LiteralExpression(null, tag.Offset) : expression.ParseFilteredExpression();
        expression.ExpectEnd();
        return new AssignTag(name, value, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        context.Assign(name, value.Evaluate(context));
        return Completion.Normal;
    }

    [GeneratedRegex(@"^\s*([A-Za-z0-9_\-.\[\]]+)\s*=\s*(.*?)\s*$", RegexOptions.Singleline)]
    private static partial Regex Syntax();
}
