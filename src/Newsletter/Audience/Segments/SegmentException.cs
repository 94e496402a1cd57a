// A segment expression that does not parse, at the column where it goes wrong.
namespace Newsletter.Audience.Segments;

/// <summary>Raised for a malformed segment expression; the position names its source, line and 1-based column.</summary>
public sealed class SegmentException(SourcePosition position, string reason) : NewsletterException(position, reason);
