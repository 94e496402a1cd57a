// The link-preview tags of a public page: canonical URL, Open Graph and the Twitter card.
namespace Newsletter.Web.Pages;

/// <summary>
/// Builds <c>&lt;head&gt;</c> elements for link previews: <c>rel="canonical"</c> (RFC 6596), the Open Graph protocol's
/// <c>og:type</c>, <c>og:site_name</c>, <c>og:title</c>, <c>og:description</c>, <c>og:url</c> (the canonical URL) and
/// <c>og:image</c> when there is one, and <c>twitter:card</c> (<c>summary_large_image</c> with an image, else <c>summary</c>).
/// The issue pages, rendered by the email layout, write the same tags in <c>templates/default.html.liquid</c>.
/// </summary>
public static class ShareTags
{
    /// <summary>The tags, every value HTML-encoded.</summary>
    /// <param name="siteName">The newsletter's name.</param>
    /// <param name="title">The page's title as shared.</param>
    /// <param name="description">One sentence shown under the title.</param>
    /// <param name="url">The absolute canonical URL.</param>
    /// <param name="type">Open Graph type: <c>website</c> or <c>article</c>.</param>
    /// <param name="image">An absolute image URL, or null.</param>
    public static string Html(string siteName, string title, string description, string url, string type, string? image = null) =>
        string.Join('\n',
            $"<link rel=\"canonical\" href=\"{Page.E(url)}\">",
            $"<meta name=\"description\" content=\"{Page.E(description)}\">",
            $"<meta property=\"og:type\" content=\"{Page.E(type)}\">",
            $"<meta property=\"og:site_name\" content=\"{Page.E(siteName)}\">",
            $"<meta property=\"og:title\" content=\"{Page.E(title)}\">",
            $"<meta property=\"og:description\" content=\"{Page.E(description)}\">",
            $"<meta property=\"og:url\" content=\"{Page.E(url)}\">",
            string.IsNullOrEmpty(image) ? "<meta name=\"twitter:card\" content=\"summary\">"
                : $"<meta property=\"og:image\" content=\"{Page.E(image)}\">\n<meta name=\"twitter:card\" content=\"summary_large_image\">");
}
