// Serves the local images of a published issue, and nothing else, from the files beside it.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsletter.Authoring;
using Newsletter.Rendering;

namespace Newsletter.Web.Archive;

/// <summary>
/// Answers <c>GET /issues/SLUG/PATH</c> with the image file <c>PATH</c> names when the published issue SLUG shows
/// it (a local image of its body, see <see cref="IssueImages"/>): so only images an issue uses are published, never
/// a draft's and never any other file of the folder. Everything else is 404. Images may be cached for a day.
/// </summary>
public static class IssueImageFiles
{
    /// <summary>The file for <paramref name="path"/> of issue <paramref name="slug"/>, or 404.</summary>
    /// <param name="slug">The issue, from the route.</param>
    /// <param name="path">The image's path below the issue, from the route (decoded).</param>
    /// <param name="issues">The published issues.</param>
    /// <param name="context">The request, whose response gets the cache header.</param>
    public static Results<PhysicalFileHttpResult, NotFound> Get(string slug, string path, PublishedIssues issues, HttpContext context)
    {
        if (issues.Find(slug) is not { } published || !Shows(published.Issue, path) ||
            IssueImages.Find(published.Issue.SourcePath, path) is not { } file)
            return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.PhysicalFile(file, IssueImages.ContentType(file), lastModified: File.GetLastWriteTimeUtc(file));
    }

    // The request path arrives decoded, so it is compared with the body's sources after the same decoding; only a
    // path that passed IssueImages' checks can match.
    private static bool Shows(Issue issue, string path)
    {
        try
        {
            return BodyImages.Local(issue).Any(src => IssueImages.TryNormalize(src, out var relative, out _) && relative == path);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
