// {% for x in collection %}...{% else %}...{% endfor %} with forloop, limit/offset/reversed and break/continue.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed class ForTag : Node
{
    private readonly LoopOptions loop;
    private readonly BlockBody body;
    private readonly BlockBody? elseBody;
    private readonly bool blank;

    private ForTag(LoopOptions loop, BlockBody body, BlockBody? elseBody, bool blank, int offset)
        : base(offset)
    {
        this.loop = loop;
        this.body = body;
        this.elseBody = elseBody;
        this.blank = blank;
    }

    public override bool IsBlank => blank;

    public static Node Parse(Parser parser, Token tag)
    {
        var loop = LoopOptions.Parse(parser, tag, allowCols: false);
        var (body, end) = parser.ParseBlock(tag, "else", "endfor");
        BlockBody? elseBody = null;
        if (end.Name == "else")
        {
            (elseBody, _) = parser.ParseBlock(tag, "endfor");
        }

        var blank = elseBody is null ? Parser.TrimBlankBodies(body) : Parser.TrimBlankBodies(body, elseBody);
        return new ForTag(loop, body, elseBody, blank, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        var items = loop.Slice(context, tablerow: false);
        if (items.Count == 0)
        {
            return elseBody?.Render(context) ?? Completion.Normal;
        }

        var parent = context.CurrentForLoop;
        var forloop = new ForLoopObject(loop.Key, items.Count, parent);
        context.CurrentForLoop = forloop;
        context.PushFrame();
        try
        {
            context.SetLocal("forloop", forloop);
            for (var i = 0; i < items.Count; i++)
            {
                context.State.CountIteration();
                forloop.Index0 = i;
                context.SetLocal(loop.Variable, items[i]);
                if (body.Render(context) == Completion.Break)
                {
                    break;
                }
            }
        }
        catch (LiquidRuntimeError e)
        {
            throw context.Error(Offset, e.Message);
        }
        finally
        {
            context.PopFrame();
            context.CurrentForLoop = parent;
        }

        return Completion.Normal;
    }
}
