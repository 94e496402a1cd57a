// Turns one returned message (a DSN, a complaint report or a human-readable bounce) into a BounceReport.
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Parses bounce and complaint messages. In order: an RFC 5965 feedback report (<c>message/feedback-report</c>) is
/// a complaint; an Amazon SES notification is read from its JSON; an RFC 3464 delivery status notification
/// (<c>message/delivery-status</c>, read with MimeKit's <see cref="MessageDeliveryStatus"/>) gives recipient,
/// status and diagnostic; any other message that comes from a mail system (<c>MAILER-DAEMON</c>, a "Mail delivery
/// failed" subject, <c>X-Failed-Recipients</c>) is read by the heuristics of <see cref="PlainTextBounceReader"/>.
/// Everything else, auto-replies included, is <see cref="BounceKind.NotBounce"/>. Hard or soft follows
/// <see cref="BounceClassifier"/>. Each newsletter message has a single recipient, so one report is about one
/// delivery: when a report lists several failed recipients, the first is the one reported. Stateless and thread-safe.
/// </summary>
public sealed partial class BounceParser(VerpAddress? verp = null)
{
    private static readonly string[] VerpHeaders = ["To", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "Return-Path"];

    /// <summary>Parses <paramref name="message"/>; never throws for odd content (a message it cannot read is not a bounce).</summary>
    public BounceReport Parse(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reportId = ReportText.MessageId(message.MessageId);
        var text = Text(message);
        var original = ReturnedMessage.Headers(message);
        var originalId = ReturnedMessage.MessageId(message, original, text);
        var token = FindToken(message, original, text);

        if (message.BodyParts.OfType<MessageFeedbackReport>().FirstOrDefault() is { } feedback)
        {
            var (kind, recipient, diagnostic) = FeedbackReportReader.Read(feedback, original);
            if (kind == BounceKind.NotBounce) return BounceReport.NotBounce(reportId);
            return new BounceReport(kind, recipient, null, diagnostic, originalId, token, reportId);
        }
        if (IsComplaint(message, original))
            return new BounceReport(BounceKind.Complaint, ReportText.FirstAddress(original!["To"]), null, "feedback-type: abuse", originalId, token, reportId);

        if (SesNotificationReader.Read(text) is { } ses)
            return ses.Kind == BounceKind.NotBounce
                ? BounceReport.NotBounce(reportId)
                : new BounceReport(ses.Kind, ses.Recipient, ses.Code?.ToString(), ses.Diagnostic, ses.OriginalMessageId ?? originalId, token, reportId);

        if (message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } status)
        {
            var fields = DeliveryStatusReader.Read(status, out var notBounce);
            if (notBounce) return BounceReport.NotBounce(reportId);
            if (fields is { } f && f.Recipient is not null)
            {
                // Without a Diagnostic-Code the reason is often only in the human-readable part.
                var plain = f.Diagnostic is null ? Plain(message, text) : default;
                var code = f.Code;
                if (plain.Code is { } written && (code is null || code.IsUnspecific && written.Class == code.Class)) code = written;
                var diagnostic = f.Diagnostic ?? plain.Diagnostic;
                var kind = Classify(message, f.Recipient, code, diagnostic, f.Delayed);
                return new BounceReport(kind, f.Recipient, code?.ToString(), diagnostic, originalId, token, reportId);
            }
        }

        if (!LooksLikeBounce(message)) return BounceReport.NotBounce(reportId);
        var p = Plain(message, text);
        // A reason without code or known phrase (Exim quotes a pipe's output below it): the rest of the explanation decides.
        var reasonText = p.Code is null && p.Reply is null && BounceClassifier.ByPhrase(p.Diagnostic) is null
            ? PlainTextBounceReader.Explanation(text)
            : p.Diagnostic;
        var verdict = Classify(message, p.Recipient, p.Code, reasonText, p.Delayed, p.Reply);
        return new BounceReport(verdict, p.Recipient, p.Code?.ToString(), p.Diagnostic, originalId, token, reportId);
    }

    private static (string? Recipient, EnhancedStatusCode? Code, int? Reply, string? Diagnostic, bool Delayed) Plain(MimeMessage message, string text) =>
        PlainTextBounceReader.Read(text, message.Headers["X-Failed-Recipients"], OwnAddresses(message));

    private static BounceKind Classify(MimeMessage message, string? recipient, EnhancedStatusCode? code, string? diagnostic, bool delayed, int? reply = null)
    {
        if (!delayed && code is not { Class: 4 } && BounceClassifier.AboutSender(diagnostic, recipient, OwnAddresses(message).Where(IsPerson)))
            return BounceKind.SoftBounce;
        return BounceClassifier.Classify(code, reply ?? ReportText.ReplyCode(diagnostic), diagnostic, delayed);
    }

    // The bounce goes to the sender and comes from a mail system; both are "own" addresses, never the failed recipient.
    private static List<string> OwnAddresses(MimeMessage message) =>
        message.From.Mailboxes.Concat(message.To.Mailboxes).Select(m => m.Address).Where(a => a.Contains('@')).ToList();

    private static bool IsPerson(string address) => !MailSystemSender().IsMatch(address);

    // A message from a mail system about a delivery: its sender, subject or headers say so, and it is no auto-reply.
    private static bool LooksLikeBounce(MimeMessage message)
    {
        var subject = message.Subject ?? "";
        if (AutoReplySubject().IsMatch(subject) || subject.StartsWith("Postfix SMTP server: errors from", StringComparison.OrdinalIgnoreCase))
            return false;
        if (message.Headers.Contains("X-Failed-Recipients")) return true;
        if (message.Body is MultipartReport { ReportType: { } type } && type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase)) return true;
        var from = message.From.ToString();
        return MailSystemSender().IsMatch(from) || BounceSubject().IsMatch(subject);
    }

    // A complaint forwarded without the report part (some providers attach only the offending message).
    private static bool IsComplaint(MimeMessage message, HeaderList? original) =>
        original?["To"] is not null && ComplaintSubject().IsMatch(message.Subject ?? "");

    private string? FindToken(MimeMessage message, HeaderList? original, string text)
    {
        if (verp is null) return null;
        foreach (var name in VerpHeaders)
        {
            foreach (var header in message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
                foreach (var address in ReportText.Addresses(header.Value))
                    if (verp.TryFindToken(address, out var token)) return token;
        }
        var returnPaths = (original?.Where(h => h.Field.Equals("Return-Path", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value) ?? [])
            .Concat(ReturnedMessage.PastedReturnPaths(text));
        foreach (var path in returnPaths)
            if (verp.TryFindToken(path, out var token)) return token;
        return null;
    }

    // Every text part outside an attached original, in order; HTML only when a part has no plain form.
    private static string Text(MimeMessage message)
    {
        var text = new StringBuilder();
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            if (part.IsHtml && message.BodyParts.OfType<TextPart>().Any(p => p.IsPlain)) continue;
            var content = part.IsHtml ? Tags().Replace(System.Net.WebUtility.HtmlDecode(part.Text ?? ""), "\n") : part.Text ?? "";
            text.Append(content.Replace("\r\n", "\n")).Append('\n');
        }
        return text.ToString();
    }

    [GeneratedRegex(@"mailer-daemon|postmaster|mail delivery (subsystem|system)|mail ?administrator|\bMAILER\b|no-reply@sns\.amazonaws\.com", RegexOptions.IgnoreCase)]
    private static partial Regex MailSystemSender();

    [GeneratedRegex(@"undeliver|undelivered|delivery status notification|delivery (failure|failed|has failed|problem)|returned mail|failure notice|mail delivery failed|could not be delivered|non-?delivery|delayed mail|warning: message|mail system error|returned to sender|returning to sender|delivery notification|mail failed", RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(@"^(auto(matic)?[ -]?(reply|response)|out of (the )?office|auto:|away from|vacation)", RegexOptions.IgnoreCase)]
    private static partial Regex AutoReplySubject();

    [GeneratedRegex(@"complaint|abuse report|spam report", RegexOptions.IgnoreCase)]
    private static partial Regex ComplaintSubject();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
