// Reads bounces written for people rather than programs: Sendmail, Postfix, qmail, Exim, Gmail, Yahoo, OpenSMTPD texts.
using System.Text.RegularExpressions;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Heuristics for bounces that are not (or not only) in the RFC 3464 format. The text before the copy of the
/// returned message is the mail system's explanation; in it the failed recipient is the address a line starts
/// with (<c>&lt;user@example.com&gt;:</c> in qmail and Yahoo, <c>user@example.com: reason</c> in OpenSMTPD, an
/// indented address alone in Exim and Gmail, <c>&lt;user@example.com&gt;... reason</c> in Sendmail), else
/// <c>X-Failed-Recipients</c>, else the first address that is not the bounce's own sender or recipient. DSN fields
/// written into a text part (<c>Final-Recipient:</c>, <c>Status:</c>) are read as such.
/// </summary>
internal static partial class PlainTextBounceReader
{
    private const int DiagnosticLines = 6;
    private const int ExplanationLength = 32_000;

    /// <summary>The failure described by <paramref name="text"/>, the bounce's human-readable part.</summary>
    /// <param name="text">The explanation text (every text part outside the returned message).</param>
    /// <param name="failedRecipientsHeader">The <c>X-Failed-Recipients</c> header (Exim), or null.</param>
    /// <param name="ownAddresses">The bounce's own From and To addresses, never taken for the failed recipient.</param>
    public static (string? Recipient, EnhancedStatusCode? Code, int? Reply, string? Diagnostic, bool Delayed) Read(
        string text, string? failedRecipientsHeader, IReadOnlyCollection<string> ownAddresses)
    {
        var explanation = Explanation(text);
        var delayed = Delay().IsMatch(explanation);
        var fields = Fields(explanation);
        var lines = explanation.Split('\n');
        var (recipient, index) = RecipientLine(lines, ownAddresses);
        var header = ReportText.FirstAddress(failedRecipientsHeader);
        if (header is not null && (recipient is null || !header.Equals(recipient, StringComparison.OrdinalIgnoreCase)))
        {
            // The header is written by the program; a line naming the same address still says where the reason is.
            recipient = header;
            index = Array.FindIndex(lines, l => l.Contains(header, StringComparison.OrdinalIgnoreCase));
        }
        recipient ??= ReportText.Addresses(explanation).FirstOrDefault(a => !IsOwn(a, ownAddresses));
        var reason = ReportText.Diagnostic(index >= 0 ? ReasonAt(lines, index) : null);
        if (fields is { } f)
        {
            // DSN fields written as text: they name the recipient; the lines beside it may still hold the reason.
            var diagnostic = f.Diagnostic ?? reason;
            var remote = EnhancedStatusCode.FindIn(diagnostic);
            var fieldCode = remote is not null && (f.Code is null || remote.Class == f.Code.Class) ? remote : f.Code;
            return (f.Recipient ?? recipient, fieldCode, ReportText.ReplyCode(diagnostic), diagnostic, delayed || f.Delayed);
        }
        var code = EnhancedStatusCode.FindIn(reason) ?? EnhancedStatusCode.FindIn(explanation);
        var reply = ReportText.ReplyCode(reason) ?? ReportText.ReplyCode(explanation);
        return (recipient, code, reply, reason ?? ReportText.Diagnostic(explanation), delayed);
    }

    /// <summary>
    /// The text before the copy of the returned message (the whole text when no marker is found), at most the first
    /// 32,000 characters: explanations are short, and a pasted original can be megabytes.
    /// </summary>
    public static string Explanation(string text)
    {
        var match = CopyMarker().Match(text);
        var explanation = match.Success ? text[..match.Index] : text;
        return explanation.Length > ExplanationLength ? explanation[..ExplanationLength] : explanation;
    }

    /// <summary>The text after the marker that starts the copy of the returned message, or null when there is none.</summary>
    public static string? ReturnedCopy(string text)
    {
        var match = CopyMarker().Match(text);
        return match.Success ? text[match.Index..] : null;
    }

    private static (string? Recipient, EnhancedStatusCode? Code, string? Diagnostic, bool Delayed)? Fields(string text)
    {
        var recipient = FieldAt(text, "Final-Recipient") ?? FieldAt(text, "Original-Recipient");
        if (recipient is null) return null;
        EnhancedStatusCode.TryParse(FieldAt(text, "Status"), out var code);
        var diagnostic = ReportText.Diagnostic(FieldAt(text, "Diagnostic-Code"));
        if (EnhancedStatusCode.FindIn(diagnostic) is { } remote && (code is null || remote.Class == code.Class)) code = remote;
        var action = FieldAt(text, "Action");
        return (ReportText.AddressField(recipient), code, diagnostic, action?.StartsWith("delayed", StringComparison.OrdinalIgnoreCase) == true);
    }

    // A field's value with its folded continuation lines (RFC 5322 §2.2.3).
    private static string? FieldAt(string text, string name)
    {
        var match = Regex.Match(text, @"^" + Regex.Escape(name) + @":[ \t]*(.*(?:\n[ \t]+.*)*)", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static (string? Recipient, int Index) RecipientLine(string[] lines, IReadOnlyCollection<string> own)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = RecipientAtLineStart().Match(lines[i]);
            if (!match.Success) match = RecipientAfterLabel().Match(lines[i]);
            if (match.Success && !IsOwn(match.Groups["a"].Value, own)) return (match.Groups["a"].Value, i);
        }
        return (null, -1);
    }

    // The reason is written on the recipient's line after the address and on the lines below it, up to a blank line.
    private static string? ReasonAt(string[] lines, int index)
    {
        var parts = new List<string>();
        var first = lines[index];
        var address = RecipientAtLineStart().Match(first);
        var rest = address.Success ? first[(address.Index + address.Length)..] : first;
        if (!string.IsNullOrWhiteSpace(rest.Trim(' ', '\t', ':', '.', '>', '<'))) parts.Add(rest.Trim().TrimStart(':', '>', '.').Trim());
        for (var i = index + 1; i < lines.Length && i <= index + DiagnosticLines; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                if (parts.Count > 0) break;
                continue;
            }
            if (RecipientAtLineStart().IsMatch(lines[i]) && parts.Count > 0) break;
            parts.Add(lines[i].Trim());
        }
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static bool IsOwn(string address, IReadOnlyCollection<string> own) =>
        own.Any(o => o.Equals(address, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^[ \t]*<?(?<a>[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+[A-Za-z0-9])>?(?=[ \t]*(?::|\.\.\.|\(|$|[ \t]+\.\.\.|[ \t]+\(expanded))", RegexOptions.Multiline)]
    private static partial Regex RecipientAtLineStart();

    [GeneratedRegex(@"(?:following recipients?|following address(?:es)?|recipient(?: address)?|could not be delivered to|delivery to|^[ \t]*To)[: ]+[ \t]*<?(?<a>[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+[A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientAfterLabel();

    [GeneratedRegex(@"^[ \t]*(?:-+ ?Below this line is a copy of the message|-+ ?This is a copy of the message|-+ ?Original message -+|Below is a copy of the original message|-+ ?Enclosed is a copy of the message|\|-+ Message text follows|-+ ?The header of the original message|-+ ?Original message follows|-+ ?Returned message|-+ ?Unsent message below|-+ ?Original Message Headers|Content-Type: message/rfc822|Content-Type: text/rfc822-headers)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CopyMarker();

    [GeneratedRegex(@"THIS IS A WARNING|has been delayed|has not yet been delivered|will be retried|still being retried|is delayed for|temporary failure report|delivery attempts will continue", RegexOptions.IgnoreCase)]
    private static partial Regex Delay();
}
