// Parses segment expressions: `tag:rust and not tag:beginner`, `plan = pro or (country = "New Zealand")`.
using System.Diagnostics.CodeAnalysis;

namespace Newsletter.Audience.Segments;

/// <summary>
/// Recursive-descent parser for the grammar
/// <c>or := and ("or" and)*; and := unary ("and" unary)*; unary := "not" unary | primary;
/// primary := "(" or ")" | "tag:" NAME | FIELD ("=" | "!=") VALUE</c>.
/// <c>not</c> binds tighter than <c>and</c>, which binds tighter than <c>or</c>. Errors give the 1-based column.
/// Parentheses and <c>not</c> nest at most <see cref="MaxDepth"/> deep and an expression holds at most
/// <see cref="MaxConditions"/> conditions, which bounds the parser's recursion and the SQL it compiles to.
/// </summary>
public sealed class SegmentParser
{
    /// <summary>The deepest nesting of parentheses and <c>not</c>.</summary>
    public const int MaxDepth = 50;

    /// <summary>The most conditions (<c>tag:</c> and field tests) in one expression; far beyond what a person writes.</summary>
    public const int MaxConditions = 1000;

    private readonly string _text;
    private readonly string _source;
    private readonly List<SegmentToken> _tokens;
    private int _next;
    private int _depth;
    private int _conditions;

    private SegmentParser(string text, string source)
    {
        _text = text;
        _source = source;
        _tokens = SegmentLexer.Tokenize(text, source);
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names where it came from in errors (e.g. <c>--segment</c>).</summary>
    /// <exception cref="SegmentException">
    /// The expression is malformed, nests deeper than <see cref="MaxDepth"/> or holds more than
    /// <see cref="MaxConditions"/> conditions; the message gives the column and a caret.
    /// </exception>
    public static SegmentNode Parse(string text, string source = "segment")
    {
        var parser = new SegmentParser(text, source);
        if (parser.Peek.Kind == SegmentTokenKind.End) throw parser.Error(parser.Peek, "the segment is empty; write e.g. tag:rust");
        var node = parser.ParseOr();
        if (parser.Peek.Kind != SegmentTokenKind.End) throw parser.Error(parser.Peek, $"expected 'and', 'or' or the end, found '{parser.Peek.Text}'");
        return node;
    }

    /// <summary>Parses without throwing; <paramref name="error"/> holds the reason on failure.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SegmentNode? node, [NotNullWhen(false)] out SegmentException? error)
    {
        try
        {
            node = Parse(text);
            error = null;
            return true;
        }
        catch (SegmentException e)
        {
            node = null;
            error = e;
            return false;
        }
    }

    private SegmentToken Peek => _tokens[_next];

    private SegmentNode ParseOr()
    {
        var left = ParseAnd();
        while (Accept(SegmentTokenKind.Or)) left = new OrCondition(left, ParseAnd());
        return left;
    }

    private SegmentNode ParseAnd()
    {
        var left = ParseUnary();
        while (Accept(SegmentTokenKind.And)) left = new AndCondition(left, ParseUnary());
        return left;
    }

    private SegmentNode ParseUnary()
    {
        if (Peek.Kind != SegmentTokenKind.Not) return ParsePrimary();
        var not = _tokens[_next++];
        Enter(not);
        var inner = ParseUnary();
        _depth--;
        return new NotCondition(inner);
    }

    private SegmentNode ParsePrimary()
    {
        var token = _tokens[_next++];
        switch (token.Kind)
        {
            case SegmentTokenKind.Open:
                Enter(token);
                var inner = ParseOr();
                if (!Accept(SegmentTokenKind.Close)) throw Error(Peek, $"expected ')' to close the '(' at column {token.Column}");
                _depth--;
                return inner;
            case SegmentTokenKind.Tag:
                Count(token);
                return new TagCondition(token.Text);
            case SegmentTokenKind.Word:
                Count(token);
                return ParseComparison(token);
            case SegmentTokenKind.End:
                throw Error(token, "the expression ends too early; expected tag:NAME, FIELD = VALUE, 'not' or '('");
            default:
                throw Error(token, $"expected tag:NAME, FIELD = VALUE, 'not' or '(', found '{token.Text}'");
        }
    }

    private SegmentNode ParseComparison(SegmentToken field)
    {
        var op = _tokens[_next];
        if (op.Kind is not (SegmentTokenKind.Equals or SegmentTokenKind.NotEquals))
            throw Error(op.Kind == SegmentTokenKind.End ? op : field,
                $"'{field.Text}' needs a comparison such as '{field.Text} = VALUE', or write tag:{field.Text} for a tag");
        _next++;
        var value = _tokens[_next++];
        if (value.Kind is not (SegmentTokenKind.Word or SegmentTokenKind.Quoted))
            throw Error(value, $"expected a value after '{op.Text}'; quote values that contain spaces or keywords");
        return new FieldCondition(field.Text, value.Text, op.Kind == SegmentTokenKind.NotEquals);
    }

    // Each level is a stack frame here and in the compiler; an expression nested thousands deep would overflow it.
    private void Enter(SegmentToken token)
    {
        if (++_depth > MaxDepth) throw Error(token, $"the segment nests '(' and 'not' deeper than {MaxDepth} levels");
    }

    private void Count(SegmentToken token)
    {
        if (++_conditions > MaxConditions) throw Error(token, $"the segment has more than {MaxConditions} conditions");
    }

    private bool Accept(SegmentTokenKind kind)
    {
        if (Peek.Kind != kind) return false;
        _next++;
        return true;
    }

    private SegmentException Error(SegmentToken at, string reason) => SegmentLexer.Error(_text, _source, at.Column, reason);
}
