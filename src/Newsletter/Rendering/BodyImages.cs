// The local images an issue's body shows, as the editor wrote them.
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
}
