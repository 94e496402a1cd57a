// Rules about images: alternative text for readers who cannot see them, a width for clients that ignore CSS.
using AngleSharp.Html.Parser;
using Newsletter.Rendering;

namespace Newsletter.Checks;

/// <summary>
/// An image without an <c>alt</c> attribute is a warning (WCAG 2.2 SC 1.1.1; many clients block images by
/// default and show the alt text instead; <c>alt=""</c> marks a decorative image and is fine). An image without a
/// <c>width</c> attribute is a warning: Outlook for Windows ignores CSS sizes and shows it at its natural size.
/// </summary>
public static class ImageRules
{
    private static readonly HtmlParser Parser = new();

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
