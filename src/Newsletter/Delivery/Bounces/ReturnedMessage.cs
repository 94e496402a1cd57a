// Finds what a report returns of the original message: its headers and its Message-ID.
using System.Text.RegularExpressions;
using MimeKit;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// The returned original, in the order reports carry it: a <c>message/rfc822</c> or <c>text/rfc822-headers</c> part
/// (RFC 3462 §2, RFC 6522), a copy pasted into the text after a marker such as "Below this line is a copy of the
/// message", or, failing those, the report's own <c>In-Reply-To</c> and <c>References</c> (RFC 5322 §3.6.4).
/// </summary>
internal static partial class ReturnedMessage
{
    /// <summary>The headers of the returned message when it is attached as a part, else null.</summary>
    public static HeaderList? Headers(MimeMessage report)
    {
        foreach (var part in report.BodyParts.OfType<MessagePart>())
            if (part.Message is { } message) return message.Headers;
        return null;
    }

    /// <summary>The returned message's Message-ID without brackets, or null.</summary>
    /// <param name="report">The report.</param>
    /// <param name="headers">The attached original's headers (from <see cref="Headers"/>), or null.</param>
    /// <param name="text">The report's text parts, where a pasted copy may be.</param>
    public static string? MessageId(MimeMessage report, HeaderList? headers, string text)
    {
        if (ReportText.MessageId(headers?["Message-ID"]) is { } attached) return attached;
        var copy = PlainTextBounceReader.ReturnedCopy(text) ?? text;
        var pasted = PastedMessageId().Match(copy);
        if (pasted.Success) return ReportText.MessageId(pasted.Groups[1].Value);
        if (ReportText.MessageId(report.InReplyTo) is { } reply) return reply;
        return report.References.Count > 0 ? ReportText.MessageId(report.References[^1]) : null;
    }

    /// <summary>Envelope senders a pasted copy shows (<c>Return-Path:</c> lines), where a VERP address can be read back.</summary>
    public static IEnumerable<string> PastedReturnPaths(string text) =>
        PastedReturnPath().Matches(PlainTextBounceReader.ReturnedCopy(text) ?? "").Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^[ \t]*Message-ID:[ \t]*(<[^>\r\n]+>|\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PastedMessageId();

    [GeneratedRegex(@"^[ \t]*Return-Path:[ \t]*<?([^>\s]+)>?", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PastedReturnPath();
}
