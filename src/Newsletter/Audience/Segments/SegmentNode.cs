// The parsed form of a segment expression.
namespace Newsletter.Audience.Segments;

/// <summary>A node of a parsed segment.</summary>
public abstract record SegmentNode;

/// <summary>Subscribers with the tag <paramref name="Tag"/> (lower-case).</summary>
public sealed record TagCondition(string Tag) : SegmentNode;

/// <summary>Subscribers whose custom field <paramref name="Field"/> equals (or, negated, differs from) <paramref name="Value"/>, ignoring case.</summary>
public sealed record FieldCondition(string Field, string Value, bool Negated) : SegmentNode;

/// <summary>Both sides hold.</summary>
public sealed record AndCondition(SegmentNode Left, SegmentNode Right) : SegmentNode;

/// <summary>Either side holds.</summary>
public sealed record OrCondition(SegmentNode Left, SegmentNode Right) : SegmentNode;

/// <summary>The inner condition does not hold.</summary>
public sealed record NotCondition(SegmentNode Inner) : SegmentNode;
