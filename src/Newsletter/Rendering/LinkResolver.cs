// Makes relative links and image sources absolute, because an email has no address of its own to resolve them.
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// Rewrites relative <c>href</c> and <c>src</c> values in HTML (RFC 3986 §5.2): links against the issue's
/// web-archive page (<c>BASEURL/issues/SLUG</c>), image and other <c>src</c> values against the page's own folder of
/// files (<c>BASEURL/issues/SLUG/</c>), which <c>serve</c> answers from the files beside the issue (see
/// <see cref="Authoring.IssueImages"/>). Fragments (<c>#x</c>, see <see cref="FragmentLinks"/>), absolute URLs,
/// <c>mailto:</c>/<c>tel:</c> and Liquid outputs are left as they are.
/// </summary>
public static partial class LinkResolver
{
    /// <summary>Whether <paramref name="url"/> is relative: no scheme, not a fragment, not Liquid.</summary>
    public static bool IsRelative(string url)
    {
        var value = url.Trim();
        if (value.Length == 0 || value.StartsWith('#') || value.StartsWith("{{", StringComparison.Ordinal) ||
            value.StartsWith("{%", StringComparison.Ordinal) || value.StartsWith("LIQ0PH", StringComparison.Ordinal)) return false;
        return !Scheme().IsMatch(value);
    }

    /// <summary>Rewrites every relative URL in <paramref name="html"/> against <paramref name="pageUrl"/> (an absolute URL).</summary>
    /// <param name="html">An HTML fragment.</param>
    /// <param name="pageUrl">The issue's web page, e.g. <c>https://news.example.com/issues/2026-12-01-x</c>; <c>src</c> values resolve below it.</param>
    /// <exception cref="UriFormatException"><paramref name="pageUrl"/> is not absolute.</exception>
    public static string Resolve(string html, string pageUrl)
    {
        var page = new Uri(pageUrl, UriKind.Absolute);
        // "images/hero.png" beside issues/2026-12-01-x.md is BASEURL/issues/2026-12-01-x/images/hero.png: the page's
        // URL without a trailing slash would drop the slug and point at a path nothing serves.
        var folder = new Uri(pageUrl.TrimEnd('/') + "/", UriKind.Absolute);
        // Tags first, then their attributes: an attribute pattern that looks back for the '<' of its tag rescans
        // the whole run of text before it at every letter, which made a long paragraph quadratic.
        return Tag().Replace(html, tag => Attribute().Replace(tag.Value, m =>
        {
            var url = m.Groups[3].Value;
            var root = m.Groups[1].Value.Equals("src", StringComparison.OrdinalIgnoreCase) ? folder : page;
            if (!IsRelative(url) || !Uri.TryCreate(root, url.Trim(), out var absolute)) return m.Value;
            return $"{m.Groups[1].Value}={m.Groups[2].Value}{absolute.AbsoluteUri}{m.Groups[2].Value}";
        }));
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    // A start tag up to (not including) its '>'.
    [GeneratedRegex(@"<[A-Za-z][^<>]*")]
    private static partial Regex Tag();

    // Within one tag: an href or src attribute after white space.
    [GeneratedRegex(@"(?<=\s)(href|src)=(""|')([^""'<>]*)\2", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();
}
