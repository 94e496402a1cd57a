// An error in an issue file, with its position.
namespace Newsletter.Authoring;

/// <summary>Raised for a malformed issue file (front matter syntax, missing or invalid fields, body template errors).</summary>
public sealed class IssueFormatException(SourcePosition position, string reason, Exception? inner = null)
    : NewsletterException(position, reason, inner);
