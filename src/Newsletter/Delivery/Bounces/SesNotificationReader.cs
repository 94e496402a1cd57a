// Reads Amazon SES bounce and complaint notifications delivered as mail (an SNS topic's JSON in a text body).
using System.Text.RegularExpressions;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Amazon SES notifications sent by email: a JSON object with <c>notificationType</c> <c>Bounce</c>,
/// <c>Complaint</c> or <c>Delivery</c>. Read field by field rather than as a JSON document, because the notification
/// mail wraps long lines inside the JSON and so breaks it.
/// </summary>
internal static partial class SesNotificationReader
{
    /// <summary>The report a notification body holds, or null when <paramref name="text"/> is not one.</summary>
    public static (BounceKind Kind, string? Recipient, EnhancedStatusCode? Code, string? Diagnostic, string? OriginalMessageId)? Read(string text)
    {
        var type = Field("notificationType", text);
        if (type is null) return null;
        var recipient = Field("emailAddress", text);
        var originalId = ReportText.MessageId(OriginalId().Match(text) is { Success: true } m ? m.Groups[1].Value : null);
        switch (type)
        {
            case "Bounce":
                EnhancedStatusCode.TryParse(Field("status", text), out var code);
                var diagnostic = ReportText.Diagnostic(Field("diagnosticCode", text));
                var kind = Field("bounceType", text) == "Permanent"
                    ? BounceClassifier.Classify(code, ReportText.ReplyCode(diagnostic), diagnostic)
                    : BounceKind.SoftBounce;
                return (kind, recipient, code, diagnostic ?? "bounce-type: " + Field("bounceType", text), originalId);
            case "Complaint":
                return (BounceKind.Complaint, recipient, null, "feedback-type: " + (Field("complaintFeedbackType", text) ?? "abuse"), originalId);
            default:
                return (BounceKind.NotBounce, null, null, null, null);
        }
    }

    private static string? Field(string name, string text)
    {
        var match = Regex.Match(text, "\"" + Regex.Escape(name) + "\"\\s*:\\s*\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\{""name"":""Message-ID"",""value"":""([^""]+)""\}", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalId();
}
