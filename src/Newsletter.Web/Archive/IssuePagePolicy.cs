// The Content-Security-Policy of an issue's web page: as strict as the site, with the images that issue shows.
using AngleSharp.Html.Parser;

namespace Newsletter.Web.Archive;

/// <summary>
/// Builds the <c>Content-Security-Policy</c> (CSP Level 3) of an archive page. Nothing may run, frame it or load but
/// inline styles and images; images may come from the site itself (<c>'self'</c>, the issue's local images), from
/// the newsletter's <c>baseUrl</c>, as <c>data:</c> URLs, and from the https origins the page's own images name
/// (<c>img src</c>, <c>img srcset</c>, <c>source srcset</c>), so a page shows what its email shows and nothing else.
/// Plain <c>http:</c> images elsewhere stay blocked (mixed content); <c>check</c> warns about them. Forms may post to the
/// site itself and to <c>baseUrl</c> (the sign-up form).
/// </summary>
public static class IssuePagePolicy
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The policy for <paramref name="html"/>, the page as rendered, served by the newsletter at <paramref name="baseUrl"/>.</summary>
    public static string For(string html, string baseUrl)
    {
        var origins = new SortedSet<string>(StringComparer.Ordinal);
        var site = Origin(baseUrl, allowHttp: true);
        if (site is not null) origins.Add(site);
        foreach (var url in ImageUrls(html))
            if (Origin(url, allowHttp: false) is { } origin) origins.Add(origin);
        // The page's sign-up form posts to the newsletter's own /subscribe, and nowhere else.
        return $"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: {string.Join(' ', origins)}; form-action 'self'{(site is null ? "" : " " + site)}; base-uri 'none'; frame-ancestors 'none'";
    }

    private static IEnumerable<string> ImageUrls(string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var image in document.QuerySelectorAll("img[src]")) yield return image.GetAttribute("src")!;
        // A srcset lists "URL descriptor" candidates separated by commas (HTML Living Standard §4.8.4.2).
        foreach (var element in document.QuerySelectorAll("img[srcset], source[srcset]"))
            foreach (var candidate in element.GetAttribute("srcset")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return candidate.Split(' ', 2)[0];
    }

    // A CSP host-source: scheme, ASCII host and a port when not the default. Built from the parsed URI, so nothing
    // a page author wrote (spaces, semicolons, quotes) can reach the header as policy syntax.
    internal static string? Origin(string url, bool allowHttp)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.IdnHost.Length == 0) return null;
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp)) return null;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;
        if (host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']'))) return null;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
