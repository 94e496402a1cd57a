// Makes relative links and image sources absolute, because an email has no address of its own to resolve them.
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// Rewrites relative <c>href</c> and <c>src</c> values in HTML against a base URL (RFC 3986 §5.2), here the
/// issue's web-archive page, where the same relative paths resolve. Fragments (<c>#x</c>), absolute URLs,
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

    /// <summary>Rewrites every relative URL in <paramref name="html"/> against <paramref name="baseUrl"/> (an absolute URL).</summary>
    /// <exception cref="UriFormatException"><paramref name="baseUrl"/> is not absolute.</exception>
    public static string Resolve(string html, string baseUrl)
    {
        var root = new Uri(baseUrl, UriKind.Absolute);
        // Tags first, then their attributes: an attribute pattern that looks back for the '<' of its tag rescans
        // the whole run of text before it at every letter, which made a long paragraph quadratic.
        return Tag().Replace(html, tag => Attribute().Replace(tag.Value, m =>
        {
            var url = m.Groups[3].Value;
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
