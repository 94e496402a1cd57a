// {% raw %}...{% endraw %}: the lexer already captured the body verbatim as a text token.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;

namespace Newsletter.Liquid.Tags;

internal static class RawTag
{
    public static Node? Parse(Parser parser, Token tag)
    {
        var (body, _) = parser.ParseBlock(tag, "endraw");
        return body.Nodes.Length == 0 ? null : body.Nodes[0];
    }
}
