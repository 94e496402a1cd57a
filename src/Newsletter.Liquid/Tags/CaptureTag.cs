// {% capture name %}...{% endcapture %}: renders the body into a string variable.
using System.Text.RegularExpressions;
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed partial class CaptureTag : Node
{
    private readonly string name;
    private readonly BlockBody body;

    private CaptureTag(string name, BlockBody body, int offset)
        : base(offset)
    {
        this.name = name;
        this.body = body;
    }

    public override bool IsBlank => true;

    public static Node Parse(Parser parser, Token tag)
    {
        // As in Shopify Liquid, the name is the first run of name characters in every mode.
        var match = NamePattern().Match(tag.Markup);
        if (!match.Success)
        {
            throw parser.Error(tag, LiquidErrors.TagSyntax("capture", "'capture name'"));
        }

        var (body, _) = parser.ParseBlock(tag, "endcapture");
        return new CaptureTag(match.Groups[1].Value, body, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        context.Output.BeginCapture();
        string text;
        Completion completion;
        try
        {
            completion = body.Render(context);
        }
        finally
        {
            text = context.Output.EndCapture();
        }

        // A break or continue inside the capture still ends the enclosing loop iteration, as in Shopify Liquid.
        context.Assign(name, text);
        return completion;
    }

    [GeneratedRegex(@"([A-Za-z0-9_\-.\[\]]+)")]
    private static partial Regex NamePattern();
}
