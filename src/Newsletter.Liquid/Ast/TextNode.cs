// Literal template text, with its UTF-8 size precomputed for the output limit.
using System.Text;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Ast;

internal sealed class TextNode : Node
{
    private readonly int utf8Bytes;

    public TextNode(string text, int offset)
        : base(offset)
    {
        Text = text;
        utf8Bytes = Encoding.UTF8.GetByteCount(text);
    }

    public string Text { get; }

    public override bool IsBlank => string.IsNullOrWhiteSpace(Text);

    public override Completion Render(RenderContext context)
    {
        context.Output.WriteText(Text, utf8Bytes);
        return Completion.Normal;
    }
}
