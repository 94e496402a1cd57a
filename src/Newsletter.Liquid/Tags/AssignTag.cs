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
        var match = LaxSyntax().Match(tag.Markup);
        var expression = parser.Expression(tag);
        string name;
        if (parser.Lax)
        {
            if (!match.Success)
            {
                throw parser.Error(tag, LiquidErrors.TagSyntax("assign", "'assign name = value'"));
            }

            name = match.Groups[1].Value;
            expression = new ExpressionParser(parser.Source, parser.Options, match.Groups[2].Value, tag.MarkupOffset + match.Groups[2].Index);
        }
        else
        {
            name = expression.Expect(ExprTokenKind.Identifier, "a variable name").Text;
            expression.Expect(ExprTokenKind.Assign, "'='");
        }

        var value = expression.ParseFilteredExpression();
        expression.ExpectEnd();
        return new AssignTag(name, value, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        context.Assign(name, value.Evaluate(context));
        return Completion.Normal;
    }

    [GeneratedRegex(@"^\s*([\w\-.\[\]]+)\s*=\s*(.*?)\s*$", RegexOptions.Singleline)]
    private static partial Regex LaxSyntax();
}
