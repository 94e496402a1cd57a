// Something in an issue file that parses but is probably not what the editor meant.
namespace Newsletter.Authoring;

/// <summary>
/// A warning found while parsing an issue: the issue is usable, but a value was read differently from how it looks.
/// <c>check</c>, <c>render</c> and <c>send</c> report it beside the other check findings, as a warning.
/// </summary>
/// <param name="Rule">Short rule id, e.g. <c>yaml-comment</c> or <c>title-from-file-name</c>.</param>
/// <param name="Position">File, 1-based line and column of the cause.</param>
/// <param name="Message">What was read and what to write instead, in one sentence.</param>
public sealed record IssueWarning(string Rule, SourcePosition Position, string Message);
