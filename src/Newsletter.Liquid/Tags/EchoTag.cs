// {% echo value | filters %}: the tag form of {{ }}, mainly for use inside {% liquid %}.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;

namespace Newsletter.Liquid.Tags;

internal static class EchoTag
{
    public static Node? Parse(Parser parser, Token tag)
    {
        var expression = parser.Expression(tag);
        Expression value = expression.AtEnd ? new LiteralExpression(null, tag.Offset) : expression.ParseFilteredExpression();
        expression.ExpectEnd();
        return new OutputNode(value, tag.Offset, parser.Options.EscapeOutput);
    }
}
