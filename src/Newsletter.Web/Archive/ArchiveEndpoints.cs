// The public web archive: an index of sent issues, one page per issue without anyone's personal links, and a feed.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Web.Pages;
using Newsletter.Web.Signup;
using Newsletter.Signing;

namespace Newsletter.Web.Archive;

/// <summary>
/// Maps <c>GET /</c> (index), <c>GET /issues/{slug}</c> (the "view online" target), <c>GET /issues/{slug}/{path}</c>
/// (its local images, see <see cref="IssueImageFiles"/>) and <c>GET /feed.xml</c> (Atom, RFC 4287). Pages and feed
/// share the prepared renderers of <see cref="ArchiveRenderers"/>, registered as a singleton by <see cref="NewsletterSite"/>.
/// </summary>
public static class ArchiveEndpoints
{
    /// <summary>Adds the archive endpoints.</summary>
    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (Workspace workspace) => Index(workspace));
        app.MapGet("/feed.xml", (Workspace workspace, ArchiveRenderers renderers) => Feed(workspace, renderers));
        app.MapGet(PersonalLinks.ArchivePath + "{slug}", (string slug, Workspace workspace, ArchiveRenderers renderers, HttpContext context) =>
            Show(slug, workspace, renderers, context));
        app.MapGet(PersonalLinks.ArchivePath + "{slug}/{**path}", (string slug, string path, Workspace workspace, HttpContext context) =>
            IssueImageFiles.Get(slug, path, workspace, context));
        return app;
    }

    private static IResult Index(Workspace workspace)
    {
        var published = PublishedIssues.List(workspace);
        var items = published.Select(p =>
            $"<li><a href=\"{Page.E(workspace.Links.Archive(p.Record.Slug))}\">{Page.E(p.Issue.Title)}</a>" +
            (p.Issue.Date is { } date ? $" <small>{date:yyyy-MM-dd}</small>" : "") + "</li>");
        var home = workspace.Info.Url;
        var description = published.Count == 0 ? $"The archive of {workspace.Settings.Name}." : $"Past issues of {workspace.Settings.Name}, the latest: {published[0].Issue.Title}.";
        // The list grows from here: a reader who found the archive can subscribe without looking for the form.
        var signup = $"<section class=\"signup\"><h2>Get new issues by email</h2>{SignupForm.Html(workspace.Settings.BaseUrl + SignupEndpoints.FormPath)}</section>";
        return Page.Html(workspace.Settings.Name,
            $"<ul class=\"issues\">{string.Concat(items)}</ul>{signup}<p><a href=\"{Page.E(home)}feed.xml\">Atom feed</a></p>",
            headHtml: ShareTags.Html(workspace.Settings.Name, workspace.Settings.Name, description, home, "website") +
                $"\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{Page.E(home)}feed.xml\" title=\"{Page.E(workspace.Settings.Name)}\">");
    }

    private static IResult Show(string slug, Workspace workspace, ArchiveRenderers renderers, HttpContext context)
    {
        if (PublishedIssues.Find(workspace, slug) is not { } published)
            return Page.Html("Issue not found", "<p>There is no such issue.</p>", StatusCodes.Status404NotFound);
        // The email layout rendered for nobody in particular: merge fields empty, no poll, no unsubscribe link.
        var html = renderers.For(published).RenderForArchive();
        // Issue pages show the images their email shows; everything else stays as strict as the site.
        context.Response.Headers.ContentSecurityPolicy = IssuePagePolicy.For(html, workspace.Settings.BaseUrl);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult Feed(Workspace workspace, ArchiveRenderers renderers)
    {
        var entries = PublishedIssues.List(workspace).Take(20).Select(p => new AtomFeed.Entry(
            p.Issue.Title,
            workspace.Links.Archive(p.Record.Slug),
            p.Issue.Date is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            p.Issue.Preheader,
            renderers.For(p).RenderForArchive())).ToList();
        return Results.Text(AtomFeed.Write(workspace.Settings.Name, workspace.Info.Url, entries), "application/atom+xml; charset=utf-8");
    }
}
