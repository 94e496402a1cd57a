// A sequence of nodes; converts unpositioned runtime failures into errors located at the failing node.
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal sealed class BlockBody
{
    public static readonly BlockBody Empty = new([]);

    public BlockBody(Node[] nodes)
    {
        Nodes = nodes;
    }

    public Node[] Nodes { get; private set; }

    public bool IsBlank => Nodes.All(static n => n.IsBlank);

    /// <summary>Drops whitespace-only text from a blank block, so layout whitespace around tags is not output.</summary>
    public void RemoveBlankText() => Nodes = Nodes.Where(static n => n is not TextNode { IsBlank: true }).ToArray();

    public Completion Render(RenderContext context)
    {
        var nodes = Nodes;
        var i = 0;
        try
        {
            for (; i < nodes.Length; i++)
            {
                var completion = nodes[i].Render(context);
                if (completion != Completion.Normal)
                {
                    return completion;
                }
            }
        }
        catch (LiquidRuntimeError e)
        {
            throw context.Error(nodes[i].Offset, e.Message);
        }

        return Completion.Normal;
    }
}
