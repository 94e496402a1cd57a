// Reads RFC 3464 delivery status notifications (message/delivery-status) through MimeKit.
using MimeKit;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Reads the per-recipient fields of an RFC 3464 delivery status notification: <c>Final-Recipient</c> (or
/// <c>Original-Recipient</c>), <c>Action</c>, <c>Status</c> and <c>Diagnostic-Code</c>. The first recipient whose
/// action is <c>failed</c> is reported (else the first <c>delayed</c> one, else the first with a failure status);
/// a notice whose recipients were all <c>delivered</c>, <c>relayed</c> or <c>expanded</c> is not a bounce.
/// </summary>
internal static class DeliveryStatusReader
{
    /// <summary>The failure the status fields describe, or null when they describe none.</summary>
    /// <param name="status">The <c>message/delivery-status</c> part.</param>
    /// <param name="notBounce">Set when every recipient was delivered, relayed or expanded.</param>
    public static (string? Recipient, EnhancedStatusCode? Code, string? Diagnostic, bool Delayed)? Read(MessageDeliveryStatus status, out bool notBounce)
    {
        notBounce = false;
        var recipients = status.StatusGroups.Skip(1).Where(g => g.Contains("Final-Recipient") || g.Contains("Original-Recipient") || g.Contains("Status")).ToList();
        if (recipients.Count == 0) return null;
        var chosen = recipients.FirstOrDefault(g => Action(g) == "failed")
            ?? recipients.FirstOrDefault(g => Action(g) == "delayed")
            ?? recipients.FirstOrDefault(g => Action(g) is null or "" && !IsSuccess(g));
        if (chosen is null)
        {
            notBounce = recipients.All(g => Action(g) is "delivered" or "relayed" or "expanded" || IsSuccess(g));
            return null;
        }
        var recipient = ReportText.AddressField(chosen["Final-Recipient"]) ?? ReportText.AddressField(chosen["Original-Recipient"]);
        var diagnostic = ReportText.Diagnostic(chosen["Diagnostic-Code"]);
        EnhancedStatusCode.TryParse(chosen["Status"], out var code);
        // The remote server's own code in the diagnostic is more precise than the reporting system's translation
        // (which is often the catch-all 5.0.0), as long as both agree on permanent or transient.
        if (EnhancedStatusCode.FindIn(diagnostic) is { } remote && (code is null || remote.Class == code.Class))
            code = remote;
        return (recipient, code, diagnostic, Action(chosen) == "delayed");
    }

    private static string? Action(HeaderList group) => group["Action"]?.Trim().ToLowerInvariant() is { } action
        ? action.Split(' ', ';', '(')[0]
        : null;

    private static bool IsSuccess(HeaderList group) => EnhancedStatusCode.TryParse(group["Status"], out var code) && code.Class == 2;
}
