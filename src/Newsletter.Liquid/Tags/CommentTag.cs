// {% comment %}, {% doc %} and inline {% # ... %}: markup that produces no output.
using System.Text.RegularExpressions;
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;

namespace Newsletter.Liquid.Tags;

internal static partial class CommentTag
{
    public static Node? ParseComment(Parser parser, Token tag)
    {
        // The body is not parsed, but nested comments must balance and raw bodies are skipped whole.
        var depth = 1;
        while (parser.NextToken() is { } token)
        {
            if (token.Kind != TokenKind.Tag)
            {
                continue;
            }

            if (token.Name == "comment")
            {
                depth++;
            }
            else if (token.Name == "endcomment" && --depth == 0)
            {
                return null;
            }
        }

        throw parser.Error(tag, LiquidErrors.TagNotClosed("comment", "endcomment"));
    }

    public static Node? ParseDoc(Parser parser, Token tag)
    {
        // The lexer captured the body verbatim; only a nested doc tag inside it is an error.
        var (body, _) = parser.ParseBlock(tag, "enddoc");
        if (body.Nodes is [TextNode text, ..] && NestedDocPattern().Match(text.Text) is { Success: true } nested)
        {
            throw parser.Source.ParseError(text.Offset + nested.Index, LiquidErrors.NestedDoc);
        }

        return null;
    }

    public static Node? ParseInline(Parser parser, Token tag)
    {
        var lines = tag.Markup.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                throw parser.Error(tag, LiquidErrors.InlineCommentLine);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\{%-?\s*doc[\s%-]")]
    private static partial Regex NestedDocPattern();
}
