// A token of the expression language inside tags and outputs.
namespace Newsletter.Liquid.Parsing;

internal enum ExprTokenKind
{
    End,
    Identifier,
    String,
    Integer,
    Float,
    Dot,
    DotDot,
    LBracket,
    RBracket,
    LParen,
    RParen,
    Pipe,
    Colon,
    Comma,
    Comparison,
    Assign,
    Other,
}

internal readonly record struct ExprToken(ExprTokenKind Kind, string Text, int Offset)
{
    public bool IsWord(string word) => Kind == ExprTokenKind.Identifier && Text == word;

    public string Describe() => Kind switch
    {
        ExprTokenKind.End => "end of expression",
        ExprTokenKind.String => $"string '{Text}'",
        _ => $"'{Text}'",
    };
}
