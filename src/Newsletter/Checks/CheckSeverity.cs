// How bad a finding of `newsletter check` is: errors stop a send, warnings only inform.
namespace Newsletter.Checks;

/// <summary>The weight of a <see cref="CheckFinding"/>.</summary>
public enum CheckSeverity
{
    /// <summary>Worth fixing; the issue may still be sent.</summary>
    Warning,

    /// <summary>The issue must not be sent as it is (<c>check</c> exits with 1; <c>render</c> and <c>send</c> refuse).</summary>
    Error,
}
