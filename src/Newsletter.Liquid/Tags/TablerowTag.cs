// {% tablerow x in collection cols: n %}: renders items as HTML table cells, n per row, with tablerowloop.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class TablerowTag : Node
{
    private readonly LoopOptions loop;
    private readonly BlockBody body;

    private TablerowTag(LoopOptions loop, BlockBody body, int offset)
        : base(offset)
    {
        this.loop = loop;
        this.body = body;
    }

    public override bool IsBlank => body.IsBlank;

    public static Node Parse(Parser parser, Token tag)
    {
        var loop = LoopOptions.Parse(parser, tag, allowCols: true);
        var (body, _) = parser.ParseBlock(tag, "endtablerow");
        return new TablerowTag(loop, body, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        // Like Shopify Liquid, a nil or false collection renders no table at all.
        if (!LiquidValues.IsTruthy(loop.Collection.Evaluate(context)))
        {
            return Completion.Normal;
        }

        var items = loop.Slice(context, tablerow: true);
        // Without cols everything is one row; cols of zero or less never wraps (Ruby compares col == cols).
        var cols = loop.Cols is null ? items.Count : (int)Math.Clamp(LoopOptions.ToI(context, loop.Cols, "cols"), int.MinValue, int.MaxValue);
        var output = context.Output;
        var tablerowloop = new TablerowLoopObject(items.Count, cols);
        output.Write("<tr class=\"row1\">\n");
        context.PushFrame();
        try
        {
            context.SetLocal("tablerowloop", tablerowloop);
            for (var i = 0; i < items.Count; i++)
            {
                context.State.CountIteration();
                tablerowloop.Index0 = i;
                context.SetLocal(loop.Variable, items[i]);
                output.Write("<td class=\"col");
                output.WriteValue(Boxes.Int(tablerowloop.Col));
                output.Write("\">");
                var completion = body.Render(context);
                output.Write("</td>");
                if (completion == Completion.Break)
                {
                    break;
                }

                if (tablerowloop.ColLast && i < items.Count - 1)
                {
                    output.Write("</tr>\n<tr class=\"row");
                    output.WriteValue(Boxes.Int(tablerowloop.Row + 1));
                    output.Write("\">");
                }
            }
        }
        finally
        {
            context.PopFrame();
        }

        output.Write("</tr>\n");
        return Completion.Normal;
    }
}
