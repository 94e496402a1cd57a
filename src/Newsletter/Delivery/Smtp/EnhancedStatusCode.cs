// The class.subject.detail code at the start of an SMTP reply's text (RFC 3463, RFC 2034).
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Newsletter.Delivery.Smtp;

/// <summary>An enhanced mail system status code, e.g. <c>5.1.1</c> (RFC 3463 §2): class 2, 4 or 5, subject and detail 0 to 999.</summary>
/// <param name="Class">2 success, 4 persistent transient failure, 5 permanent failure.</param>
/// <param name="Subject">0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network and routing, 5 protocol, 6 content, 7 security or policy.</param>
/// <param name="Detail">The detail number within the subject.</param>
public readonly record struct EnhancedStatusCode(int Class, int Subject, int Detail)
{
    /// <summary>Reads the code that starts <paramref name="text"/> (after optional spaces), as servers that offer ENHANCEDSTATUSCODES write it.</summary>
    /// <param name="text">Reply text without the three-digit basic code, e.g. <c>5.1.1 &lt;x@example.com&gt;: user unknown</c>.</param>
    /// <param name="code">The code, when there is one.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EnhancedStatusCode? code)
    {
        code = null;
        if (text is null) return false;
        var parts = text.TrimStart().Split(' ', 2)[0].TrimEnd(';', ',', ':').Split('.');
        if (parts.Length != 3 || parts[0] is not ("2" or "4" or "5")) return false;
        if (!Number(parts[1], out var subject) || !Number(parts[2], out var detail)) return false;
        code = new EnhancedStatusCode(parts[0][0] - '0', subject, detail);
        return true;
    }

    /// <summary>The code as written, e.g. <c>5.7.1</c>.</summary>
    public override string ToString() => $"{Class}.{Subject}.{Detail}";

    private static bool Number(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length <= 3;
}
