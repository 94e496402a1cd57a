// {% break %} and {% continue %}: leave or skip ahead in the innermost loop.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed class LoopControlTag : Node
{
    private readonly Completion completion;

    private LoopControlTag(Completion completion, int offset)
        : base(offset)
    {
        this.completion = completion;
    }

    public static Node ParseBreak(Parser parser, Token tag) => new LoopControlTag(Completion.Break, tag.Offset);

    public static Node ParseContinue(Parser parser, Token tag) => new LoopControlTag(Completion.Continue, tag.Offset);

    public override Completion Render(RenderContext context) => completion;
}
