// Rules about the message as a whole: size, subject, preheader and the unsubscribe link.
using System.Text;
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Signing;

namespace Newsletter.Checks;

/// <summary>
/// Size: Gmail clips HTML bodies over about 102 KB behind a "[Message clipped]" link, hiding the footer and
/// its unsubscribe link, so over <see cref="ClipBytes"/> is an error and over <see cref="WarnBytes"/> a warning.
/// Subject over <see cref="MaxSubject"/> characters (RFC 5322 §2.1.1's line length, and what inboxes show) and an
/// empty preheader are warnings. A message without an unsubscribe link in both parts is an error (CAN-SPAM,
/// RFC 8058 only covers the header).
/// </summary>
public static class MessageRules
{
    /// <summary>HTML size, in UTF-8 bytes, above which Gmail clips the message.</summary>
    public const int ClipBytes = 102 * 1024;

    /// <summary>HTML size, in UTF-8 bytes, above which a warning says the clip limit is near.</summary>
    public const int WarnBytes = 90 * 1024;

    /// <summary>Longest subject, in characters, that is not reported.</summary>
    public const int MaxSubject = 78;

    /// <summary>The findings for <paramref name="email"/> of <paramref name="issue"/>.</summary>
    public static IEnumerable<CheckFinding> Check(Issue issue, RenderedEmail email, SourceLocator locator)
    {
        var size = Bytes(email.Html);
        if (size > ClipBytes)
            yield return new(CheckSeverity.Error, "html-size", new SourcePosition(issue.SourcePath, 0, 0),
                $"the HTML part is {size / 1024.0:0.0} KB; Gmail clips messages over 102 KB and hides the rest, unsubscribe link included");
        else if (size > WarnBytes)
            yield return new(CheckSeverity.Warning, "html-size", new SourcePosition(issue.SourcePath, 0, 0),
                $"the HTML part is {size / 1024.0:0.0} KB, close to the 102 KB at which Gmail clips it");
        if (email.Subject.Length > MaxSubject)
            yield return new(CheckSeverity.Warning, "subject-length", locator.Find("subject:") is { Line: > 0 } p ? p : locator.Find("title"),
                $"the subject has {email.Subject.Length} characters; inboxes cut it after about {MaxSubject}");
        if (email.Subject.Length == 0)
            yield return new(CheckSeverity.Error, "subject-empty", new SourcePosition(issue.SourcePath, 1, 1), "the subject is empty");
        if (string.IsNullOrWhiteSpace(issue.Preheader))
            yield return new(CheckSeverity.Warning, "preheader-empty", new SourcePosition(issue.SourcePath, 1, 1),
                "there is no 'preheader'; inboxes will show the first words of the email instead");
        if (!email.Html.Contains(PersonalLinks.UnsubscribePath, StringComparison.Ordinal))
            yield return new(CheckSeverity.Error, "unsubscribe-missing", locator.Find("footer"),
                "the HTML part has no unsubscribe link; add {{ unsubscribe_url }} to the layout");
        if (!email.Text.Contains(PersonalLinks.UnsubscribePath, StringComparison.Ordinal))
            yield return new(CheckSeverity.Error, "unsubscribe-missing", locator.Find("footer.txt"),
                "the text part has no unsubscribe link; add {{ unsubscribe_url }} to the text layout");
    }

    /// <summary>UTF-8 size of <paramref name="text"/>.</summary>
    public static long Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
