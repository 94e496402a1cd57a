// {% increment x %} / {% decrement x %}: counters in their own namespace, shared by both tags.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed class IncrementTag : Node
{
    private readonly string name;
    private readonly bool decrement;

    private IncrementTag(string name, bool decrement, int offset)
        : base(offset)
    {
        this.name = name;
        this.decrement = decrement;
    }

    public static Node ParseIncrement(Parser parser, Token tag) => Parse(parser, tag, decrement: false);

    public static Node ParseDecrement(Parser parser, Token tag) => Parse(parser, tag, decrement: true);

    private static IncrementTag Parse(Parser parser, Token tag, bool decrement)
    {
        var name = tag.Markup.Trim();
        if (name.Length == 0)
        {
            throw parser.Error(tag, LiquidErrors.TagSyntax(tag.Name, $"'{tag.Name} name'"));
        }

        return new IncrementTag(name, decrement, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        // increment outputs the value before adding one; decrement subtracts first.
        var value = decrement ? context.Increment(name, -1) - 1 : context.Increment(name, 1);
        context.Output.WriteValue(value);
        return Completion.Normal;
    }
}
