// Literal template text, with its UTF-8 size precomputed for the output limit.
using System.Text;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal sealed class TextNode : Node
{
    private readonly int utf8Bytes;

    private readonly bool blank;

    /// <param name="text">The literal text.</param>
    /// <param name="offset">Source offset.</param>
    /// <param name="verbatim">Raw-tag text, which never counts as blank layout whitespace.</param>
    public TextNode(string text, int offset, bool verbatim = false)
        : base(offset)
    {
        Text = text;
        utf8Bytes = Encoding.UTF8.GetByteCount(text);
        blank = !verbatim && text.AsSpan().IndexOfAnyExcept(" \t\r\n\f\v") < 0;
    }

    public string Text { get; }

    public override bool IsBlank => blank;

    public override Completion Render(RenderContext context)
    {
        context.Output.WriteText(Text, utf8Bytes);
        return Completion.Normal;
    }
}
