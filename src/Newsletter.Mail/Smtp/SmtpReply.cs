// One (possibly multi-line) server reply.
namespace Newsletter.Mail.Smtp;

/// <summary>A server reply (RFC 5321 §4.2): basic code, optional enhanced status code (RFC 3463) and text.</summary>
/// <param name="Code">The three-digit reply code, 200-599 in practice (e.g. 250, 421, 550).</param>
/// <param name="EnhancedCode">The enhanced status code as <c>class.subject.detail</c>, e.g. <c>5.1.1</c>, or <see langword="null"/> when the reply has none.</param>
/// <param name="Text">The reply text with codes removed; lines of a multi-line reply are joined with '\n'.</param>
public sealed record SmtpReply(int Code, string? EnhancedCode, string Text)
{
    /// <summary>True for 2xx (completion) replies.</summary>
    public bool IsSuccess => Code is >= 200 and < 300;

    /// <summary>True for 3xx (intermediate) replies, e.g. 354 after DATA or 334 during AUTH.</summary>
    public bool IsIntermediate => Code is >= 300 and < 400;

    /// <summary>True for 4xx (transient negative) replies.</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>True for 5xx (permanent negative) replies.</summary>
    public bool IsPermanent => Code >= 500;

    /// <summary>The reply as the server wrote it on its first line, e.g. <c>550 5.1.1 No such user</c>.</summary>
    public override string ToString() =>
        EnhancedCode is null ? $"{Code} {FirstLine}" : $"{Code} {EnhancedCode} {FirstLine}";

    private string FirstLine => Text.IndexOf('\n') is var i and >= 0 ? Text[..i] : Text;
}
