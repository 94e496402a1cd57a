// {% if %}/{% elsif %}/{% else %} and {% unless %}: renders the first branch whose condition holds.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed class IfTag : Node
{
    private readonly Expression[] conditions;
    private readonly BlockBody[] branches;
    private readonly BlockBody? elseBranch;
    private readonly bool negateFirst;
    private readonly bool blank;

    private IfTag(Expression[] conditions, BlockBody[] branches, BlockBody? elseBranch, bool negateFirst, bool blank, int offset)
        : base(offset)
    {
        this.conditions = conditions;
        this.branches = branches;
        this.elseBranch = elseBranch;
        this.negateFirst = negateFirst;
        this.blank = blank;
    }

    public override bool IsBlank => blank;

    public static Node ParseIf(Parser parser, Token tag) => Parse(parser, tag, "endif", negateFirst: false);

    public static Node ParseUnless(Parser parser, Token tag) => Parse(parser, tag, "endunless", negateFirst: true);

    private static IfTag Parse(Parser parser, Token tag, string endTag, bool negateFirst)
    {
        var conditions = new List<Expression>();
        var branches = new List<BlockBody>();
        BlockBody? elseBranch = null;
        var current = tag;
        while (true)
        {
            var condition = ParseCondition(parser, current);
            var (body, end) = parser.ParseBlock(tag, "elsif", "else", endTag);
            conditions.Add(condition);
            branches.Add(body);
            if (end.Name == "elsif")
            {
                current = end;
                continue;
            }

            if (end.Name == "else")
            {
                (elseBranch, end) = parser.ParseBlock(tag, "elsif", "else", endTag);

                // Shopify Liquid ignores any further elsif/else blocks after the first else.
                while (end.Name != endTag)
                {
                    (_, end) = parser.ParseBlock(tag, "elsif", "else", endTag);
                }
            }

            break;
        }

        var all = elseBranch is null ? branches.ToArray() : [.. branches, elseBranch];
        var blank = Parser.TrimBlankBodies(all);
        return new IfTag(conditions.ToArray(), branches.ToArray(), elseBranch, negateFirst, blank, tag.Offset);
    }

    internal static Expression ParseCondition(Parser parser, Token tag)
    {
        var expression = parser.Expression(tag);
        if (expression.AtEnd)
        {
            throw parser.Error(tag, LiquidErrors.TagSyntax(tag.Name, $"'{tag.Name} condition'"));
        }

        var condition = expression.ParseCondition();
        expression.ExpectEnd();
        return condition;
    }

    public override Completion Render(RenderContext context)
    {
        for (var i = 0; i < conditions.Length; i++)
        {
            var truthy = conditions[i].IsTruthy(context);
            if (i == 0 && negateFirst)
            {
                truthy = !truthy;
            }

            if (truthy)
            {
                return branches[i].Render(context);
            }
        }

        return elseBranch?.Render(context) ?? Completion.Normal;
    }
}
