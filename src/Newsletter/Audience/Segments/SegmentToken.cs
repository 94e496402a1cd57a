// The words of a segment expression.
namespace Newsletter.Audience.Segments;

/// <summary>Kinds of <see cref="SegmentToken"/>.</summary>
public enum SegmentTokenKind
{
    /// <summary><c>tag:NAME</c>; the text is the tag name.</summary>
    Tag,
    /// <summary>A bare word or a "quoted" value.</summary>
    Word,
    /// <summary>A "quoted" value (never a keyword or field name).</summary>
    Quoted,
    /// <summary><c>and</c>.</summary>
    And,
    /// <summary><c>or</c>.</summary>
    Or,
    /// <summary><c>not</c>.</summary>
    Not,
    /// <summary><c>(</c>.</summary>
    Open,
    /// <summary><c>)</c>.</summary>
    Close,
    /// <summary><c>=</c>.</summary>
    Equals,
    /// <summary><c>!=</c>.</summary>
    NotEquals,
    /// <summary>The end of the expression.</summary>
    End,
}

/// <summary>One token and its 1-based column in the expression.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text (for tags, the name without <c>tag:</c>; for quoted values, the unescaped value).</param>
/// <param name="Column">1-based column of its first character.</param>
public sealed record SegmentToken(SegmentTokenKind Kind, string Text, int Column);
