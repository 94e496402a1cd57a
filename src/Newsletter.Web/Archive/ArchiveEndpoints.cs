// The public web archive: an index of sent issues, one page per issue without anyone's personal links, and a feed.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Newsletter.Configuration;
using Newsletter.Rendering;
using Newsletter.Signing;
using Newsletter.Web.Pages;
using Newsletter.Web.Signup;

namespace Newsletter.Web.Archive;

/// <summary>
/// Maps <c>GET /</c> (index), <c>GET /issues/{slug}</c> (the "view online" target), <c>GET /issues/{slug}/{path}</c>
/// (its local images, see <see cref="IssueImageFiles"/>) and <c>GET /feed.xml</c> (Atom, RFC 4287). Pages and feed
/// share the prepared renderers of <see cref="ArchiveRenderers"/> and the <see cref="PublishedIssues"/>, singletons of
/// <see cref="SiteServices"/>.
/// </summary>
public static class ArchiveEndpoints
{
    /// <summary>Adds the archive endpoints.</summary>
    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        // The archive is the site's front: its index is the home page every other page links to.
        var archive = app.MapGroup("/");
        archive.MapGet("/", Index);
        archive.MapGet("/feed.xml", Feed);
        archive.MapGet(PersonalLinks.ArchivePath + "{slug}", Show);
        archive.MapGet(PersonalLinks.ArchivePath + "{slug}/{**path}", IssueImageFiles.Get);
        return app;
    }

    private static PageResult Index(PublishedIssues issues, PersonalLinks links, NewsletterInfo newsletter, NewsletterSettings settings)
    {
        var published = issues.List();
        var items = published.Select(p =>
            $"<li><a href=\"{Page.E(links.Archive(p.Record.Slug))}\">{Page.E(p.Issue.Title)}</a>" +
            (p.Issue.Date is { } date ? $" <small>{date:yyyy-MM-dd}</small>" : "") + "</li>");
        var home = newsletter.Url;
        var description = published.Count == 0 ? $"The archive of {settings.Name}." : $"Past issues of {settings.Name}, the latest: {published[0].Issue.Title}.";
        // The list grows from here: a reader who found the archive can subscribe without looking for the form.
        var signup = $"<section class=\"signup\"><h2>Get new issues by email</h2>{SignupForm.Html(settings.BaseUrl + SignupEndpoints.FormPath)}</section>";
        return Page.Html(settings.Name,
            $"<ul class=\"issues\">{string.Concat(items)}</ul>{signup}<p><a href=\"{Page.E(home)}feed.xml\">Atom feed</a></p>",
            headHtml: ShareTags.Html(settings.Name, settings.Name, description, home, "website") +
                $"\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{Page.E(home)}feed.xml\" title=\"{Page.E(settings.Name)}\">");
    }

    private static Results<ContentHttpResult, PageResult> Show(string slug, PublishedIssues issues, ArchiveRenderers renderers,
        NewsletterSettings settings, HttpContext context)
    {
        if (issues.Find(slug) is not { } published)
            return Page.Html("Issue not found", "<p>There is no such issue.</p>", StatusCodes.Status404NotFound);
        // The email layout rendered for nobody in particular: merge fields empty, no poll, no unsubscribe link.
        var html = renderers.For(published).RenderForArchive();
        // Issue pages show the images their email shows; everything else stays as strict as the site.
        context.Response.Headers.ContentSecurityPolicy = IssuePagePolicy.For(html, settings.BaseUrl);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static ContentHttpResult Feed(PublishedIssues issues, ArchiveRenderers renderers, PersonalLinks links, NewsletterInfo newsletter,
        NewsletterSettings settings)
    {
        var entries = issues.List().Take(20).Select(p => new AtomFeed.Entry(
            p.Issue.Title,
            links.Archive(p.Record.Slug),
            p.Issue.Date is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            p.Issue.Preheader,
            renderers.For(p).RenderForArchive())).ToList();
        return TypedResults.Text(AtomFeed.Write(settings.Name, newsletter.Url, entries), "application/atom+xml; charset=utf-8");
    }
}
