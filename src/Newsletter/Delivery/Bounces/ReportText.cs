// Small text helpers shared by the report readers: addresses, Message-IDs, one-line diagnostics.
using System.Text.RegularExpressions;

namespace Newsletter.Delivery.Bounces;

/// <summary>Text helpers for reading reports: address and Message-ID extraction and diagnostic clean-up.</summary>
internal static partial class ReportText
{
    private const int DiagnosticLength = 500;

    /// <summary>The address of a DSN recipient field (RFC 3464 §2.3.2, <c>rfc822; user@example.com</c>), without brackets.</summary>
    public static string? AddressField(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var semicolon = value.IndexOf(';');
        var address = (semicolon >= 0 ? value[(semicolon + 1)..] : value).Trim().Trim('<', '>', '"', ' ').Trim();
        return address.Contains('@') && !address.StartsWith('@') ? address : null;
    }

    /// <summary>The first address in <paramref name="text"/>, or null.</summary>
    public static string? FirstAddress(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var match = Address().Match(text);
        return match.Success ? match.Value : null;
    }

    /// <summary>Every address in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Addresses(string text) => Address().Matches(text).Select(m => m.Value);

    /// <summary>A Message-ID without its angle brackets and surrounding space; null when empty.</summary>
    public static string? MessageId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        var open = text.IndexOf('<');
        var close = open >= 0 ? text.IndexOf('>', open) : -1;
        if (open >= 0 && close > open) text = text[(open + 1)..close];
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Diagnostic text as one line: the <c>smtp;</c> type prefix removed, white space collapsed, at most 500 characters.</summary>
    public static string? Diagnostic(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var line = Space().Replace(text, " ").Trim();
        line = TypePrefix().Replace(line, "");
        if (line.Length > DiagnosticLength) line = line[..DiagnosticLength];
        return line.Length == 0 ? null : line;
    }

    /// <summary>The basic SMTP reply code (RFC 5321 §4.2) at the start of a line of <paramref name="text"/>, e.g. 550; null when none.</summary>
    public static int? ReplyCode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var match = Reply().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // The look-behind starts a match only where a local part can start, so a long run without '@' (a pasted base64
    // line) is scanned once rather than once per character.
    [GeneratedRegex(@"(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*")]
    private static partial Regex Address();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"^(smtp|x-[a-z-]+|mta|x-unix|x-postfix|x-local);\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TypePrefix();

    [GeneratedRegex(@"(?:^|[\s:(\[])([45][0-5][0-9])(?:[ -]|$)", RegexOptions.Multiline)]
    private static partial Regex Reply();
}
