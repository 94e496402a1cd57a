// What one subscriber receives, before MIME: subject, HTML and text.
namespace Newsletter.Rendering;

/// <summary>The personal content of one email.</summary>
/// <param name="Subject">Subject line (plain text, unencoded).</param>
/// <param name="Html">Complete HTML document with inlined CSS.</param>
/// <param name="Text">Plain-text alternative, LF line ends, wrapped at 78 columns.</param>
/// <param name="UnsubscribeUrl">The signed unsubscribe URL the body links to; the List-Unsubscribe header (RFC 2369, RFC 8058) must name the same one.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text, string UnsubscribeUrl);
