// Points in-page links whose target is not in the email at the issue's web page, where it may be.
using System.Net;
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// A link <c>href="#comment-form"</c> jumps to the element with that id in the same document (HTML Living Standard
/// §7.4.6.4, "the indicated part of the document"). Markdown written for a web page links to parts the email does not
/// have, and in a mail client such a link does nothing; it is rewritten to the issue's web page with the same
/// fragment (<c>BASEURL/issues/SLUG#comment-form</c>). Fragments whose target the email has (footnotes, headings
/// with ids, anything with an <c>id</c> or an <c>&lt;a name&gt;</c>) stay as they are; so does a bare <c>#</c>.
/// </summary>
public static partial class FragmentLinks
{
    /// <summary>Every id (and <c>&lt;a name&gt;</c>) in <paramref name="html"/>, as the fragments that reach them are decoded.</summary>
    public static IReadOnlySet<string> Targets(string html)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match tag in Tag().Matches(html))
            foreach (Match target in TargetAttribute().Matches(tag.Value))
                if (target.Groups[1].Value.Equals("id", StringComparison.OrdinalIgnoreCase) || Anchor().IsMatch(tag.Value))
                    targets.Add(WebUtility.HtmlDecode(target.Groups[3].Value));
        return targets;
    }

    /// <summary>Rewrites each <c>href="#x"</c> in <paramref name="html"/> whose <c>x</c> is not in <paramref name="targets"/> to <paramref name="pageUrl"/><c>#x</c>.</summary>
    /// <param name="html">An HTML fragment (the issue body).</param>
    /// <param name="pageUrl">The issue's web page, absolute, without a fragment.</param>
    /// <param name="targets">The ids of the whole email (see <see cref="Targets"/>).</param>
    public static string Resolve(string html, string pageUrl, IReadOnlySet<string> targets) =>
        Tag().Replace(html, tag => Href().Replace(tag.Value, m =>
        {
            var fragment = WebUtility.HtmlDecode(m.Groups[2].Value);
            return fragment.Length == 0 || targets.Contains(Decode(fragment)) || targets.Contains(fragment)
                ? m.Value
                : $"href={m.Groups[1].Value}{pageUrl}#{m.Groups[2].Value}{m.Groups[1].Value}";
        }));

    // The fragment of a URL is percent-encoded (URL Standard §4.4); the id it names is not.
    private static string Decode(string fragment)
    {
        try
        {
            return Uri.UnescapeDataString(fragment);
        }
        catch (UriFormatException)
        {
            return fragment;
        }
    }

    // A start tag up to (not including) its '>', as in LinkResolver.
    [GeneratedRegex(@"<[A-Za-z][^<>]*")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^<a\s", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"(?<=\s)(id|name)=(""|')([^""'<>]*)\2", RegexOptions.IgnoreCase)]
    private static partial Regex TargetAttribute();

    [GeneratedRegex(@"(?<=\s)href=(""|')#([^""'<>]*)\1", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
