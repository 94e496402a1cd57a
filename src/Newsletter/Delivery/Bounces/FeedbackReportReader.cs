// Reads RFC 5965 feedback reports (message/feedback-report): a recipient's "this is spam" sent back by their provider.
using MimeKit;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Reads an Abuse Reporting Format report (RFC 5965). <c>Feedback-Type</c> <c>abuse</c>, <c>fraud</c>, <c>virus</c>
/// and <c>other</c> are complaints; <c>auth-failure</c> (DMARC failure reports, RFC 6591) and <c>not-spam</c> are
/// not. The complainer is <c>Original-Rcpt-To</c>, else <c>Removal-Recipient</c>, else the <c>To</c> of the
/// returned message; many providers redact all three, and then the delivery is found from the returned Message-ID.
/// </summary>
internal static class FeedbackReportReader
{
    /// <summary>Reads the report fields and the returned message's headers (null when not returned).</summary>
    public static (BounceKind Kind, string? Recipient, string? Diagnostic) Read(MessageFeedbackReport report, HeaderList? original)
    {
        var fields = report.Fields;
        var type = fields["Feedback-Type"]?.Trim().ToLowerInvariant() ?? "abuse";
        var kind = type is "auth-failure" or "not-spam" ? BounceKind.NotBounce : BounceKind.Complaint;
        var recipient = ReportText.FirstAddress(fields["Original-Rcpt-To"]) ?? ReportText.FirstAddress(fields["Removal-Recipient"])
            ?? ReportText.FirstAddress(original?["To"]);
        return (kind, recipient, "feedback-type: " + type);
    }
}
