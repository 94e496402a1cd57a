// The email-safe markup of a callout, shared by admonitions (MarkdownBlocks) and ::: containers (CalloutRenderer).
using System.Net;

namespace Newsletter.Rendering;

/// <summary>
/// A callout is a one-cell <c>role="presentation"</c> table, as Outlook ignores padding and borders on <c>div</c>:
/// <c>&lt;table class="callout callout-KIND"…&gt;&lt;tr&gt;&lt;td class="callout-body"&gt;</c>, an optional
/// <c>&lt;p class="callout-title"&gt;</c>, the content, and <c>&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</c>.
/// </summary>
public static class CalloutMarkup
{
    /// <summary>The closing tags, without a line break.</summary>
    public const string Close = "</td></tr></table>";

    /// <summary>
    /// The opening tags and the title line, each ending in a line break. <paramref name="kind"/> is lower-cased;
    /// a null <paramref name="title"/> becomes the kind capitalised (<c>Note</c>) or, for <c>sponsor</c>,
    /// <c>Sponsored</c>; an empty one leaves the title out. The title is plain text, HTML-encoded here.
    /// </summary>
    public static string Open(string kind, string? title)
    {
        kind = kind.ToLowerInvariant();
        title ??= kind == "sponsor" ? "Sponsored" : char.ToUpperInvariant(kind[0]) + kind[1..];
        var open = $"<table role=\"presentation\" class=\"callout callout-{kind}\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td class=\"callout-body\">\n";
        return title.Length > 0 ? open + $"<p class=\"callout-title\">{WebUtility.HtmlEncode(title)}</p>\n" : open;
    }
}
