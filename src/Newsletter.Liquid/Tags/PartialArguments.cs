// Parses the shared tail of include/render: [with|for value] [as alias] [key: value, ...].
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;

namespace Newsletter.Liquid.Tags;

internal sealed class PartialArguments
{
    public Expression? Bound { get; private set; }

    public bool IsFor { get; private set; }

    public string? Alias { get; private set; }

    public List<KeyValuePair<string, Expression>> Keywords { get; } = [];

    public static PartialArguments Parse(Parser parser, ExpressionParser expression)
    {
        var result = new PartialArguments();
        if (expression.Current.IsWord("with") || expression.Current.IsWord("for"))
        {
            result.IsFor = expression.Advance().Text == "for";
            result.Bound = expression.ParsePrimary();
        }

        if (expression.AcceptWord("as"))
        {
            result.Alias = expression.Expect(ExprTokenKind.Identifier, "an alias name").Text;
        }

        while (!expression.AtEnd)
        {
            if (expression.Accept(ExprTokenKind.Comma))
            {
                continue;
            }

            if (expression.Current.Kind == ExprTokenKind.Identifier && expression.Peek().Kind == ExprTokenKind.Colon)
            {
                var key = expression.Advance().Text;
                expression.Advance();
                result.Keywords.Add(new(key, expression.ParsePrimary()));
                continue;
            }

            // Shopify Liquid reads these tags with a pattern that skips anything it does not recognise;
            // only strict2 rejects it.
            if (parser.Options.ErrorMode == LiquidErrorMode.Strict2)
            {
                throw expression.Error("'key: value' arguments");
            }

            expression.Advance();
        }

        return result;
    }

    /// <summary>The variable name the bound value gets inside the partial: the alias, else the partial's base name.</summary>
    public string VariableName(string templateName)
    {
        if (Alias is not null)
        {
            return Alias;
        }

        var slash = templateName.LastIndexOf('/');
        return slash >= 0 ? templateName[(slash + 1)..] : templateName;
    }
}
