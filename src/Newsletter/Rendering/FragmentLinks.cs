// Points every in-page link of the body at the issue's web page, the one place where it is sure to work.
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// A link <c>href="#notes"</c> jumps to the element with that id in the same document (HTML Living Standard
/// §7.4.6.4, "the indicated part of the document"). In an email that works only in some clients: Gmail's apps and
/// Outlook.com drop or rename the ids, and Markdown written for a web page links to parts (<c>#comment-form</c>) that
/// the email never had. So each fragment link of the body, footnotes and headings included, becomes a link to the
/// issue's web page with the same fragment (<c>BASEURL/issues/SLUG#fn:1</c>): in a mail client it opens the page at
/// that place; on the web page itself it is a link to the same document, which browsers follow by scrolling, without
/// a reload (HTML Living Standard §7.4.2.3.3, "navigate to a fragment"). The email keeps the notes themselves.
/// </summary>
public static partial class FragmentLinks
{
    /// <summary>Rewrites each <c>href="#x"</c> in <paramref name="html"/> (a bare <c>#</c> too) to <paramref name="pageUrl"/><c>#x</c>.</summary>
    /// <param name="html">An HTML fragment (the issue body).</param>
    /// <param name="pageUrl">The issue's web page, absolute, without a fragment.</param>
    /// <returns>The fragment with every in-page link absolute; everything else as it was.</returns>
    public static string Resolve(string html, string pageUrl) =>
        Tag().Replace(html, tag => Href().Replace(tag.Value, m =>
        {
            var fragment = m.Groups[2].Value;
            return $"href={m.Groups[1].Value}{pageUrl}{(fragment.Length == 0 ? "" : "#" + fragment)}{m.Groups[1].Value}";
        }));

    // A start tag up to (not including) its '>', as in LinkResolver.
    [GeneratedRegex(@"<[A-Za-z][^<>]*")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<=\s)href=(""|')#([^""'<>]*)\1", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
