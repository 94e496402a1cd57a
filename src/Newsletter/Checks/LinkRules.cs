// Rules about links and image sources: relative ones, plain http: ones and ones that are not URLs at all.
using AngleSharp.Html.Parser;
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Signing;

namespace Newsletter.Checks;

/// <summary>
/// Relative links in the body are warnings (they are made absolute against the issue's archive page, which may not
/// be what the editor meant; relative image sources are local images, checked by <see cref="ImageRules"/>); <c>http:</c> URLs are warnings (mixed content, rewritten or flagged by some
/// clients); URLs that do not parse as absolute URIs (RFC 3986 §4.3) or use a scheme other than http, https,
/// mailto and tel are errors. The newsletter's own links (poll, unsubscribe, archive, found from the unsubscribe
/// link) are reported once, and not at all on a loopback address, where <c>serve</c> runs while trying things out.
/// </summary>
public static class LinkRules
{
    private static readonly HtmlParser Parser = new();
    private static readonly HashSet<string> Schemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    /// <summary>The findings for the issue's body and rendered email.</summary>
    public static IEnumerable<CheckFinding> Check(Issue issue, RenderedEmail email, SourceLocator locator)
    {
        var findings = new List<CheckFinding>();
        // Local images are meant to be relative; ImageRules checks that their files exist.
        var images = BodyImages.Local(issue).ToHashSet(StringComparer.Ordinal);
        foreach (var url in Urls(MarkdownConverter.ToHtml(issue.Body)).Where(u => LinkResolver.IsRelative(u) && !images.Contains(u)))
            findings.Add(new(CheckSeverity.Warning, "link-relative", locator.Find(url),
                $"'{url}' is relative; it becomes an absolute link to the issue's web page. Write the full https:// URL if you meant another site"));
        var own = OwnBase(email.Html);
        var ownReported = false;
        foreach (var url in Urls(email.Html))
        {
            if (url.StartsWith('#')) continue;
            if (own is not null && url.StartsWith(own, StringComparison.Ordinal))
            {
                if (!ownReported && own.StartsWith("http:", StringComparison.OrdinalIgnoreCase) && !IsLoopback(own))
                    findings.Add(new(CheckSeverity.Warning, "link-http", new SourcePosition("newsletter.json", 0, 0),
                        $"the newsletter's baseUrl '{own}' uses http:; poll and unsubscribe links should use https:"));
                ownReported = true;
                continue;
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || url.Any(char.IsWhiteSpace) || !Schemes.Contains(uri.Scheme) ||
                (uri.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase) && uri.Host.Length == 0))
                findings.Add(new(CheckSeverity.Error, "link-malformed", locator.Find(url), $"'{url}' is not a valid web or mail link"));
            else if (uri.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
                findings.Add(new(CheckSeverity.Warning, "link-http", locator.Find(url), $"'{url}' uses http:; use https: so clients do not flag or block it"));
        }
        return findings;
    }

    private static string? OwnBase(string html)
    {
        var unsubscribe = Urls(html).FirstOrDefault(u => u.Contains(Signing.PersonalLinks.UnsubscribePath, StringComparison.Ordinal));
        return unsubscribe?[..unsubscribe.IndexOf(Signing.PersonalLinks.UnsubscribePath, StringComparison.Ordinal)];
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Urls(string html)
    {
        var document = Parser.ParseDocument(html);
        return document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!))
            .Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal);
    }
}
