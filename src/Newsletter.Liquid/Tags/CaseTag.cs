// {% case x %}{% when a, b %}...{% else %}...{% endcase %}: like Shopify Liquid, each value of a 'when' is its own
// branch (so a body can render once per matching value), and an 'else' renders if no earlier branch matched.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class CaseTag : Node
{
    private readonly Expression subject;
    private readonly (Expression? Value, BlockBody Body)[] branches;
    private readonly bool blank;

    private CaseTag(Expression subject, (Expression?, BlockBody)[] branches, bool blank, int offset)
        : base(offset)
    {
        this.subject = subject;
        this.branches = branches;
        this.blank = blank;
    }

    public override bool IsBlank => blank;

    public static Node Parse(Parser parser, Token tag)
    {
        var expression = parser.Expression(tag);
        var subject = expression.ParsePrimary();
        expression.ExpectEnd();

        // Anything between 'case' and the first 'when' is ignored.
        var (_, end) = parser.ParseBlock(tag, "when", "else", "endcase");
        var branches = new List<(Expression?, BlockBody)>();
        var bodies = new List<BlockBody>();
        while (end.Name != "endcase")
        {
            var values = end.Name == "else" ? [null] : ParseWhenValues(parser, end);
            var (body, next) = parser.ParseBlock(tag, "when", "else", "endcase");
            bodies.Add(body);
            foreach (var value in values)
            {
                branches.Add((value, body));
            }

            end = next;
        }

        var blank = Parser.TrimBlankBodies(bodies.ToArray());
        return new CaseTag(subject, branches.ToArray(), blank, tag.Offset);
    }

    private static Expression?[] ParseWhenValues(Parser parser, Token when)
    {
        var expression = parser.Expression(when);
        if (expression.AtEnd)
        {
            throw parser.Error(when, LiquidErrors.TagSyntax("when", "'when value'"));
        }

        var values = new List<Expression?> { expression.ParsePrimary() };
        while (expression.Accept(ExprTokenKind.Comma) || expression.AcceptWord("or"))
        {
            values.Add(expression.ParsePrimary());
        }

        if (!expression.AtEnd && (!parser.Lax || parser.Options.ErrorMode == LiquidErrorMode.Strict2))
        {
            throw expression.Error("',' or 'or'");
        }

        return values.ToArray();
    }

    public override Completion Render(RenderContext context)
    {
        var value = subject.Evaluate(context);
        var matched = false;
        foreach (var (candidate, body) in branches)
        {
            if (candidate is null)
            {
                if (matched)
                {
                    continue;
                }
            }
            else if (LiquidValues.Equals(value, candidate.Evaluate(context)))
            {
                matched = true;
            }
            else
            {
                continue;
            }

            var completion = body.Render(context);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }
}
