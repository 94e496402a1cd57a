// Rules about images: a file for each local one, alternative text for readers who cannot see them, a width for clients that ignore CSS.
using AngleSharp.Html.Parser;
using Newsletter.Authoring;
using Newsletter.Rendering;

namespace Newsletter.Checks;

/// <summary>
/// An image without an <c>alt</c> attribute is a warning (WCAG 2.2 SC 1.1.1; many clients block images by
/// default and show the alt text instead; <c>alt=""</c> marks a decorative image and is fine). An image without a
/// <c>width</c> attribute is a warning: Outlook for Windows ignores CSS sizes and shows it at its natural size.
/// A local image (a relative path, see <see cref="IssueImages"/>) that is not there, or that <c>serve</c> would not
/// publish, is an error: every reader would see a broken image.
/// </summary>
public static class ImageRules
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Errors for the local images of <paramref name="issue"/> that no file answers.</summary>
    public static IEnumerable<CheckFinding> CheckFiles(Issue issue, SourceLocator locator)
    {
        foreach (var src in BodyImages.Local(issue))
        {
            if (!IssueImages.TryNormalize(src, out var relative, out var reason))
                yield return new(CheckSeverity.Error, "image-path", locator.Find(src), $"the image '{src}' cannot be published: {reason}");
            else if (IssueImages.Find(issue.SourcePath, relative) is null)
                yield return new(CheckSeverity.Error, "image-missing", locator.Find(src),
                    $"the image '{src}' does not exist; looked for {string.Join(" and ", IssueImages.Candidates(issue.SourcePath, relative).Select(SourceLocator.Display))}");
        }
    }

    /// <summary>The findings for the images in <paramref name="email"/>.</summary>
    public static IEnumerable<CheckFinding> Check(RenderedEmail email, SourceLocator locator)
    {
        foreach (var image in Parser.ParseDocument(email.Html).QuerySelectorAll("img"))
        {
            var src = image.GetAttribute("src") ?? "";
            var position = locator.Find(src) is { Line: > 0 } exact ? exact : locator.Find(SourceName(src));
            if (!image.HasAttribute("alt"))
                yield return new(CheckSeverity.Warning, "image-alt", position, $"the image '{src}' has no alt text; write ![what it shows](…) or alt=\"…\"");
            if (!image.HasAttribute("width"))
                yield return new(CheckSeverity.Warning, "image-width", position, $"the image '{src}' has no width attribute; Outlook will show it at its natural size");
        }
    }

    // Relative sources were made absolute; the file names the last path segment, as written.
    private static string SourceName(string src)
    {
        var slash = src.LastIndexOf('/');
        return slash >= 0 && slash < src.Length - 1 ? src[(slash + 1)..] : src;
    }
}
