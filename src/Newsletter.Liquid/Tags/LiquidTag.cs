// {% liquid %}: one tag per line without delimiters, parsed as its own block.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;

namespace Newsletter.Liquid.Tags;

internal sealed class LiquidTag : Node
{
    private readonly BlockBody body;

    private LiquidTag(BlockBody body, int offset)
        : base(offset)
    {
        this.body = body;
    }

    public override bool IsBlank => body.IsBlank;

    public static Node? Parse(Parser parser, Token tag)
    {
        var tokens = new List<Token>();
        var markup = tag.Markup;
        var lineStart = 0;
        while (lineStart <= markup.Length)
        {
            var lineEnd = markup.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = markup.Length;
            }

            AddLine(tokens, markup, lineStart, lineEnd, tag.MarkupOffset);
            lineStart = lineEnd + 1;
        }

        // A nested parser keeps blocks opened here from closing (or being closed by) tags outside.
        var nested = new Parser(parser.Source, parser.Options, tokens);
        var (body, _) = nested.ParseBody(null, []);
        return body.Nodes.Length == 0 ? null : new LiquidTag(body, tag.Offset);
    }

    private static void AddLine(List<Token> tokens, string markup, int start, int end, int baseOffset)
    {
        while (start < end && char.IsWhiteSpace(markup[start]))
        {
            start++;
        }

        if (start >= end)
        {
            return;
        }

        var nameEnd = start;
        if (markup[nameEnd] == '#')
        {
            nameEnd++;
        }
        else
        {
            while (nameEnd < end && (char.IsAsciiLetterOrDigit(markup[nameEnd]) || markup[nameEnd] == '_'))
            {
                nameEnd++;
            }
        }

        tokens.Add(new Token
        {
            Kind = TokenKind.Tag,
            Name = markup[start..nameEnd],
            Markup = markup[nameEnd..end],
            Offset = baseOffset + start,
            MarkupOffset = baseOffset + nameEnd,
        });
    }

    public override Completion Render(RenderContext context) => body.Render(context);
}
