// Base of template nodes. Rendering returns how control leaves the node (normally, or via break/continue).
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal enum Completion
{
    Normal,
    Break,
    Continue,
}

internal abstract class Node
{
    protected Node(int offset)
    {
        Offset = offset;
    }

    /// <summary>Source offset of the node's start, for error positions.</summary>
    public int Offset { get; }

    /// <summary>
    /// True when the node produces no output of its own (assign, comment, blocks of such nodes). A block whose
    /// nodes are all blank drops its whitespace-only text, as Shopify Liquid does.
    /// </summary>
    public virtual bool IsBlank => false;

    public abstract Completion Render(RenderContext context);
}
