// Publishes the design's local logo file, so emails can show it by absolute URL.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsletter.Configuration;

namespace Newsletter.Web.Design;

/// <summary>
/// Maps <c>GET /design/logo.EXT</c> when the <c>design.logo</c> setting names a file (see
/// <see cref="DesignSettings.LogoPath"/>); nothing else under <c>/design</c> is served. The file is read per request,
/// so a replaced logo shows without a restart; caches may keep it a day.
/// </summary>
public static class DesignEndpoints
{
    /// <summary>Adds the logo endpoint; none when the logo is unset or an https URL.</summary>
    public static IEndpointRouteBuilder MapDesign(this IEndpointRouteBuilder app, DesignSettings design)
    {
        if (design.LogoPath is not { } path || design.Logo is not { } file) return app;
        var type = DesignSettings.LogoTypes[Path.GetExtension(file)];
        app.MapGet(path, (HttpContext context) =>
        {
            if (!File.Exists(file)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(file, type);
        });
        return app;
    }
}
