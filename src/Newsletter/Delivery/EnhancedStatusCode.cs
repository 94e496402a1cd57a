// RFC 3463 enhanced status codes (class.subject.detail) found in reports and server replies.
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Newsletter.Delivery;

/// <summary>An RFC 3463 enhanced mail system status code such as <c>5.1.1</c>: class 2, 4 or 5, subject and detail of 1–3 digits.</summary>
/// <param name="Class">2 success, 4 persistent transient failure, 5 permanent failure.</param>
/// <param name="Subject">0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network and routing, 5 protocol, 6 content, 7 security or policy.</param>
/// <param name="Detail">The detail number within the subject.</param>
public sealed partial record EnhancedStatusCode(int Class, int Subject, int Detail)
{
    /// <summary>The code as written, e.g. <c>5.1.1</c>.</summary>
    public override string ToString() => $"{Class}.{Subject}.{Detail}";

    /// <summary>True for the catch-all codes (<c>X.0.0</c>) that say only whether the failure is permanent.</summary>
    public bool IsUnspecific => Subject == 0;

    /// <summary>Parses a whole code such as <c>5.1.1</c> or the start of a DSN Status field (<c>5.0.0 (permanent failure)</c>).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EnhancedStatusCode? code)
    {
        code = null;
        if (text is null) return false;
        var match = Whole().Match(text);
        if (!match.Success) return false;
        code = From(match);
        return true;
    }

    /// <summary>
    /// The code of class 4 or 5 inside free text (a diagnostic or a human-readable bounce), not part of an IP
    /// address or version number: the first one that follows an SMTP reply code (the <c>5.2.2</c> in
    /// <c>5.1.0 - Unknown address error 550-'5.2.2 Mailbox full'</c>, since the remote server's own code is the
    /// precise one), else the first one, e.g. <c>(#5.1.1)</c>.
    /// </summary>
    public static EnhancedStatusCode? FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var match = AfterReply().Match(text);
        if (!match.Success) match = Inside().Match(text);
        return match.Success ? From(match) : null;
    }

    private static EnhancedStatusCode From(Match match) => new(
        match.Groups[1].Value[0] - '0', int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\s*([245])\.(\d{1,3})\.(\d{1,3})(?!\d)")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<![\d.])([45])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)")]
    private static partial Regex Inside();

    [GeneratedRegex(@"(?<![\d.])[45]\d\d[ -]['""]?#?([45])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)")]
    private static partial Regex AfterReply();
}
