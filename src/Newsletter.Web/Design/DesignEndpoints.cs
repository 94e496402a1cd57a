// Publishes the design's local logo file, so emails can show it by absolute URL.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Configuration;

namespace Newsletter.Web.Design;

/// <summary>
/// Maps <c>GET /design/logo.EXT</c> when the <c>design.logo</c> setting names a file (see
/// <see cref="DesignSettings.LogoPath"/>); nothing else under <c>/design</c> is served. The file is read per request,
/// so a replaced logo shows without a restart; caches may keep it a day.
/// </summary>
public static class DesignEndpoints
{
    /// <summary>Adds the logo endpoint of the <c>design</c> settings; none when the logo is unset or an https URL.</summary>
    public static IEndpointRouteBuilder MapDesign(this IEndpointRouteBuilder app)
    {
        var design = app.ServiceProvider.GetRequiredService<NewsletterSettings>().Design;
        if (design.LogoPath is not { } path || design.Logo is not { } file) return app;
        var type = DesignSettings.LogoTypes[Path.GetExtension(file)];
        // One file of /design is served; the group is the folder, so nothing else under it can be matched.
        var folder = path[..path.LastIndexOf('/')];
        var files = app.MapGroup(folder);
        files.MapGet(path[folder.Length..], (HttpContext context) => Logo(file, type, context));
        return app;
    }

    private static Results<PhysicalFileHttpResult, NotFound> Logo(string file, string contentType, HttpContext context)
    {
        if (!File.Exists(file)) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.PhysicalFile(file, contentType);
    }
}
