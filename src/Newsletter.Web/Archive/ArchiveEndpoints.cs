// The public web archive: an index of sent issues and one page per issue, without anyone's personal links.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Authoring;
using Newsletter.Polls;
using Newsletter.Rendering;
using Newsletter.Web.Pages;

namespace Newsletter.Web.Archive;

/// <summary>Maps <c>GET /</c> (index) and <c>GET /issues/{slug}</c> (the "view in browser" target).</summary>
public static class ArchiveEndpoints
{
    /// <summary>Adds the archive endpoints.</summary>
    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (Workspace workspace) => Index(workspace));
        app.MapGet(PersonalLinks.ArchivePath + "{slug}", (string slug, Workspace workspace) => Show(slug, workspace));
        return app;
    }

    private static IResult Index(Workspace workspace)
    {
        var items = workspace.Issues.List().Where(i => i.Status != "draft").Reverse()
            .Select(i => $"<li><a href=\"{Page.E(workspace.Links.Archive(i.Slug))}\">{Page.E(i.Title)}</a></li>");
        return Page.Html(workspace.Settings.Name, $"<ul>{string.Concat(items)}</ul>");
    }

    private static IResult Show(string slug, Workspace workspace)
    {
        var record = workspace.Issues.FindBySlug(slug);
        var file = Path.Combine(workspace.Settings.Issues, slug + ".md");
        if (record is null || record.Status == "draft" || !File.Exists(file)) return Page.Html("Issue not found", "<p>There is no such issue.</p>", StatusCodes.Status404NotFound);
        var issue = IssueParser.Load(file);
        // Archive pages show the body as written: merge fields have no subscriber here, so they are shown empty.
        return Page.Html(issue.Title, MarkdownConverter.ToHtml(issue.Body));
    }
}
