// A reader-facing page as a result, dressed in the newsletter's look when it is written out.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Newsletter.Web.Pages;

/// <summary>
/// The result <see cref="Page.Html"/> returns, typed so endpoints can declare it (alone or in a
/// <see cref="Microsoft.AspNetCore.Http.HttpResults.Results{TResult1, TResult2}"/>). The newsletter's name, accent and
/// logo come from the <see cref="SiteLook"/> the application registered, found when the response is written, so the
/// endpoints that make pages need not pass them along.
/// </summary>
public sealed class PageResult(string title, string bodyHtml, int statusCode, string headHtml) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>The page's own title, without the newsletter's name.</summary>
    public string Title => title;

    /// <inheritdoc/>
    public int? StatusCode => statusCode;

    /// <inheritdoc/>
    public string ContentType => "text/html; charset=utf-8";

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var look = httpContext.RequestServices.GetService<SiteLook>() ?? SiteLook.Plain;
        return Results.Content(Page.Render(look, title, bodyHtml, headHtml), ContentType, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
