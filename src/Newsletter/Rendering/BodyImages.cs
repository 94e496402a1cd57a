// The images an issue's body shows: the local ones as the editor wrote them, and the first one for link previews.
using AngleSharp.Html.Parser;
using Newsletter.Authoring;

namespace Newsletter.Rendering;

/// <summary>
/// Lists the <c>img</c> sources of an issue body (Markdown images and raw HTML alike) that are local files beside
/// the issue (see <see cref="IssueImages"/>): what <c>check</c> looks for on disk and all that <c>serve</c> publishes
/// for the issue.
/// </summary>
public static class BodyImages
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The distinct local image sources of <paramref name="issue"/>'s body, as written, in body order.</summary>
    /// <exception cref="ArgumentException">The Markdown nests too deeply to convert (see <see cref="MarkdownConverter"/>).</exception>
    public static IReadOnlyList<string> Local(Issue issue) =>
        Parser.ParseDocument(MarkdownConverter.ToHtml(issue.Body)).QuerySelectorAll("img[src]")
            .Select(i => i.GetAttribute("src")!.Trim()).Where(IssueImages.IsLocal).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The first image of a rendered body (<paramref name="bodyHtml"/>, links already absolute) whose source is an
    /// absolute http(s) URL, or empty: the picture a shared link shows (Open Graph <c>og:image</c>).
    /// </summary>
    public static string First(string bodyHtml) =>
        Parser.ParseDocument(bodyHtml).QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!.Trim())
            .FirstOrDefault(src => !src.Contains("{{", StringComparison.Ordinal) && Uri.TryCreate(src, UriKind.Absolute, out var url)
                && url.Scheme is "https" or "http") ?? "";
}
