// One parsed bounce or complaint report: what failed, for whom, why, and which delivery it is about.
namespace Newsletter.Delivery.Bounces;

/// <summary>The facts a returned message gives about one failed delivery.</summary>
/// <param name="Kind">Hard or soft bounce, complaint, or not a bounce.</param>
/// <param name="Recipient">The address that failed or complained, as written in the report; null when it names none.</param>
/// <param name="StatusCode">RFC 3463 enhanced status code, e.g. <c>5.1.1</c>; null when the report gives none.</param>
/// <param name="Diagnostic">The remote server's or mail system's reason, one line, at most 500 characters; null when none.</param>
/// <param name="OriginalMessageId">Message-ID of the returned message, without angle brackets; null when not returned.</param>
/// <param name="VerpToken">The token of a VERP envelope sender the report was addressed to, lower case and not yet verified; null when none.</param>
/// <param name="ReportMessageId">Message-ID of the report itself, without angle brackets; null when it has none.</param>
public sealed record BounceReport(
    BounceKind Kind,
    string? Recipient,
    string? StatusCode,
    string? Diagnostic,
    string? OriginalMessageId,
    string? VerpToken,
    string? ReportMessageId)
{
    /// <summary>A report that says nothing about a delivery.</summary>
    public static BounceReport NotBounce(string? reportMessageId) => new(BounceKind.NotBounce, null, null, null, null, null, reportMessageId);
}
