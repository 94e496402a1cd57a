// {% comment %}, {% doc %} and inline {% # ... %}: markup that produces no output.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;

namespace Newsletter.Liquid.Tags;

internal static class CommentTag
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
        while (parser.NextToken() is { } token)
        {
            if (token.Kind != TokenKind.Tag)
            {
                continue;
            }

            if (token.Name == "doc")
            {
                throw parser.Error(token, LiquidErrors.NestedDoc);
            }

            if (token.Name == "enddoc")
            {
                return null;
            }
        }

        throw parser.Error(tag, LiquidErrors.TagNotClosed("doc", "enddoc"));
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
}
