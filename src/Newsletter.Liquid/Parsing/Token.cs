// One piece of template source: literal text, an output {{ }} or a tag {% %}.
namespace Newsletter.Liquid.Parsing;

internal enum TokenKind
{
    Text,
    Output,
    Tag,
}

internal sealed class Token
{
    public TokenKind Kind { get; init; }

    /// <summary>Literal text for text tokens (already whitespace-trimmed).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Tag name ("if", "#", "endfor"); empty for outputs and text.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Everything after the tag name, or the whole expression of an output.</summary>
    public string Markup { get; init; } = string.Empty;

    /// <summary>Offset of the token's first character in the source.</summary>
    public int Offset { get; init; }

    /// <summary>Offset of <see cref="Markup"/>'s first character in the source.</summary>
    public int MarkupOffset { get; init; }

    public bool TrimLeft { get; init; }

    public bool TrimRight { get; init; }

    /// <summary>Raw-tag bodies keep their whitespace regardless of neighbouring trim markers.</summary>
    public bool Verbatim { get; init; }
}
