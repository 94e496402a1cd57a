// {% ifchanged %}...{% endifchanged %}: outputs its body only when it differs from the last ifchanged output.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed class IfChangedTag : Node
{
    private readonly BlockBody body;

    private IfChangedTag(BlockBody body, int offset)
        : base(offset)
    {
        this.body = body;
    }

    public override bool IsBlank => body.IsBlank;

    public static Node Parse(Parser parser, Token tag)
    {
        var (body, _) = parser.ParseBlock(tag, "endifchanged");
        return new IfChangedTag(body, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        context.Output.BeginCapture();
        Completion completion;
        string text;
        try
        {
            completion = body.Render(context);
        }
        finally
        {
            text = context.Output.EndCapture();
        }

        if (!string.Equals(text, context.LastIfChanged, StringComparison.Ordinal))
        {
            context.LastIfChanged = text;
            context.Output.Write(text);
        }

        return completion;
    }
}
