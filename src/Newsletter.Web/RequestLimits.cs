// Bounds on what a client may send, so an oversized form is refused before anything is read, stored or mailed.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Pages;

namespace Newsletter.Web;

/// <summary>
/// Request size limits of <c>serve</c>. Every form it takes is a few short fields (an address, a name of at most
/// 200 characters, a comment of at most 1,000), so bodies over <see cref="MaxBodyBytes"/> get 413 and form values
/// over <see cref="MaxValueLength"/> get 400, with a page a person can read, instead of an error from deep inside.
/// </summary>
public static class RequestLimits
{
    /// <summary>The largest request body, in bytes (64 KiB).</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>The longest form value, in characters after decoding (16 Ki).</summary>
    public const int MaxValueLength = 16 * 1024;

    /// <summary>The most fields in one form.</summary>
    public const int MaxFields = 32;

    /// <summary>Sets the limits on Kestrel and on form reading.</summary>
    public static void AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = MaxValueLength;
            form.ValueCountLimit = MaxFields;
            form.KeyLengthLimit = 256;
            form.MultipartBodyLengthLimit = MaxBodyBytes;
        });
    }

    /// <summary>Answers a request that broke a limit while an endpoint read it: 413 for the body, 400 for a field.</summary>
    public static void UseRequestLimits(this WebApplication app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Refuse(context, e.StatusCode, "The form is too large. Please shorten what you typed and send it again.");
        }
        catch (InvalidDataException e) when (!context.Response.HasStarted && IsFormLimit(e))
        {
            // Form reading reports a value or field count over the limit this way.
            await Refuse(context, StatusCodes.Status400BadRequest, "A field of the form is too long. Please shorten it and send it again.");
        }
    });

    // ASP.NET Core's form readers throw it for a limit; the same type from the product means stored data is corrupt,
    // which is no fault of the form and must not be answered as one.
    private static bool IsFormLimit(InvalidDataException e) => e.Source?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;

    private static Task Refuse(HttpContext context, int status, string message)
    {
        return Page.Html("That did not work", $"<p>{Page.E(message)}</p>", status).ExecuteAsync(context);
    }
}
