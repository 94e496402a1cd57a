// Builds the node tree from tokens, dispatching tags to their parsers in Tags/.
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Tags;

namespace Newsletter.Liquid.Parsing;

internal sealed class Parser
{
    private readonly List<Token> tokens;
    private const int MaxNesting = 100;
    private int position;
    private int depth;

    public Parser(SourceText source, LiquidOptions options, List<Token> tokens)
    {
        Source = source;
        Options = options;
        this.tokens = tokens;
    }

    public SourceText Source { get; }

    public LiquidOptions Options { get; }

    public bool Lax => Options.ErrorMode == LiquidErrorMode.Lax;

    public static BlockBody ParseTemplate(SourceText source, LiquidOptions options)
    {
        var parser = new Parser(source, options, Lexer.Tokenize(source));
        return parser.ParseBody(null, []).Body;
    }

    /// <summary>
    /// Parses nodes until one of <paramref name="stopTags"/> (returned as End) or the end of input (End is null).
    /// </summary>
    public (BlockBody Body, Token? End) ParseBody(Token? opening, params string[] stopTags)
    {
        // Bounded so a hostile template cannot exhaust the stack while parsing or rendering.
        if (opening is not null && ++depth > MaxNesting)
        {
            throw Error(opening, LiquidErrors.NestingTooDeep(MaxNesting));
        }

        try
        {
            return ParseNodes(opening, stopTags);
        }
        finally
        {
            if (opening is not null)
            {
                depth--;
            }
        }
    }

    private (BlockBody Body, Token? End) ParseNodes(Token? opening, string[] stopTags)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            switch (token.Kind)
            {
                case TokenKind.Text:
                    if (token.Text.Length > 0)
                    {
                        nodes.Add(new TextNode(token.Text, token.Offset, token.Verbatim));
                    }

                    break;
                case TokenKind.Output:
                    var expression = Expression(token);
                    // An empty {{ }} outputs nothing but, as in Shopify Liquid, still makes its block non-blank.
                    Ast.Expression value = expression.AtEnd
                        ? new LiteralExpression(null, token.Offset)
                        : expression.ParseFilteredExpression();
                    expression.ExpectEnd();
                    nodes.Add(new OutputNode(value, token.Offset, Options.EscapeOutput));
                    break;
                default:
                    if (Array.IndexOf(stopTags, token.Name) >= 0)
                    {
                        return (new BlockBody(nodes.ToArray()), token);
                    }

                    if (token.Name.Length == 0)
                    {
                        throw Error(token, LiquidErrors.MissingTagName);
                    }

                    if (!TagRegistry.TryGet(token.Name, out var parse))
                    {
                        throw Error(token, IsDelimiter(token.Name) ? LiquidErrors.UnexpectedTag(token.Name) : LiquidErrors.UnknownTag(token.Name));
                    }

                    if (parse(this, token) is { } node)
                    {
                        nodes.Add(node);
                    }

                    break;
            }
        }

        if (opening is not null)
        {
            throw Error(opening, LiquidErrors.TagNotClosed(opening.Name, "end" + opening.Name));
        }

        return (new BlockBody(nodes.ToArray()), null);
    }

    /// <summary>Parses a block body that must end with one of <paramref name="stopTags"/>.</summary>
    public (BlockBody Body, Token End) ParseBlock(Token opening, params string[] stopTags)
    {
        var (body, end) = ParseBody(opening, stopTags);
        return (body, end!);
    }

    /// <summary>The next raw token, for tags (comment, doc) that skip their body without parsing it.</summary>
    public Token? NextToken() => position < tokens.Count ? tokens[position++] : null;

    public ExpressionParser Expression(Token token) => new(Source, Options, token.Markup, token.MarkupOffset);

    public LiquidParseException Error(Token token, string reason) => Source.ParseError(token.Offset, reason);

    /// <summary>Shopify Liquid drops whitespace-only text from blocks that output nothing else.</summary>
    public static bool TrimBlankBodies(params BlockBody[] bodies)
    {
        foreach (var body in bodies)
        {
            if (!body.IsBlank)
            {
                return false;
            }
        }

        foreach (var body in bodies)
        {
            body.RemoveBlankText();
        }

        return true;
    }

    private static bool IsDelimiter(string name) =>
        name.StartsWith("end", StringComparison.Ordinal) || name is "else" or "elsif" or "when";
}
