// The small, self-contained HTML pages readers see (inline styles; the only script is the poll page's, allowed by hash).
using System.Net;
using Microsoft.AspNetCore.Http;

namespace Newsletter.Web.Pages;

/// <summary>Renders a simple accessible page; every value passed in is HTML-encoded by the caller via <see cref="E"/>.</summary>
public static class Page
{
    /// <summary>HTML-encodes text.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A complete page with a title and trusted body HTML, in the newsletter's look (see <see cref="PageResult"/>).
    /// </summary>
    /// <param name="title">The page's heading; the browser title adds the newsletter's name when it lacks it ("Title — Name").</param>
    /// <param name="bodyHtml">Trusted HTML under the heading.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headHtml">Trusted extra <c>&lt;head&gt;</c> elements (canonical link, Open Graph tags).</param>
    public static PageResult Html(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK, string headHtml = "") =>
        new PageResult(title, bodyHtml, statusCode, headHtml);

    /// <summary>The HTML of a page in <paramref name="look"/>; <paramref name="bodyHtml"/> and <paramref name="headHtml"/> are trusted.</summary>
    public static string Render(SiteLook look, string title, string bodyHtml, string headHtml = "")
    {
        // A title that already names the newsletter (the index, "Subscribe to …") does not say it twice.
        var fullTitle = title.Contains(look.Name, StringComparison.Ordinal) ? title : $"{title} — {look.Name}";
        var brand = look.Design.LogoUrl.Length > 0
            ? $"<img src=\"{E(look.Design.LogoUrl)}\" width=\"{look.Design.LogoWidth}\" alt=\"{E(look.Name)}\" style=\"display: block; max-width: 100%; height: auto; width: {look.Design.LogoWidth}px;\">"
            : E(look.Name);
        var accent = look.Design.Accent;
        return $$"""
        <!DOCTYPE html>
        <html lang="{{E(look.Language)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>{{E(fullTitle)}}</title>
        {{headHtml}}
        <style>
        body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; max-width: 640px; margin: 24px auto 40px auto; padding: 0 16px; line-height: 1.6; color: #1f2328; background: #fff; }
        .site { margin: 0 0 8px 0; padding: 0 0 12px 0; border-bottom: 3px solid {{accent}}; font-size: 14px; font-weight: 600; letter-spacing: 1px; text-transform: uppercase; }
        .site a { color: {{accent}}; text-decoration: none; }
        h1 { font-size: 26px; line-height: 1.3; }
        a { color: {{accent}}; }
        button { font: inherit; padding: 10px 18px; border-radius: 8px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
        button.primary, .signup button { border-color: {{accent}}; background: {{accent}}; color: #fff; font-weight: 600; }
        input[type=email], input[type=text] { font: inherit; box-sizing: border-box; width: 100%; max-width: 360px; padding: 8px 10px; border: 1px solid #8c959f; border-radius: 8px; }
        .signup { margin: 32px 0 0 0; padding: 16px; border: 1px solid #d0d7de; border-radius: 8px; }
        .signup h2 { margin: 0 0 8px 0; font-size: 18px; }
        .issues { padding-left: 20px; } .issues li { margin: 0 0 8px 0; } .issues small { color: #57606a; white-space: nowrap; }
        .options a { display: inline-block; margin: 4px; padding: 10px 14px; border: 1px solid #d0d7de; border-radius: 8px; text-decoration: none; color: inherit; }
        .options form { display: inline-block; margin: 4px; }
        blockquote.comment { white-space: pre-wrap; border-left: 3px solid #d0d7de; margin: 0; padding: 4px 12px; }
        table { border-collapse: collapse; } th, td { padding: 4px 10px; border-bottom: 1px solid #d0d7de; text-align: left; }
        svg { max-width: 100%; height: auto; }
        textarea { font: inherit; width: 100%; box-sizing: border-box; }
        @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } a, .site a { color: #58a6ff; } .site { border-bottom-color: #58a6ff; } .issues small { color: #8b949e; } button, textarea, input[type=email], input[type=text] { background: #21262d; color: #e6edf3; border-color: #8b949e; } .signup { border-color: #30363d; } }
        </style>
        </head>
        <body>
        <p class="site"><a href="{{E(look.Home)}}">{{brand}}</a></p>
        <h1>{{E(title)}}</h1>
        {{bodyHtml}}
        </body>
        </html>
        """;
    }

    /// <summary>The page for a form that cannot be accepted (400): <paramref name="reason"/> says why and that nothing was saved.</summary>
    public static PageResult BadForm(string reason) => Html("That did not work", $"<p>{E(reason)}</p>", StatusCodes.Status400BadRequest);

    /// <summary>The page for a link that is not valid (forged, altered or for something that no longer exists).</summary>
    public static PageResult InvalidLink() => Html("This link is not valid",
        "<p>The link may have been cut short or changed. Please use the link exactly as it appears in the email.</p>",
        StatusCodes.Status404NotFound);

    /// <summary>
    /// The page for a link from a test send (<c>send --test</c>): it is answered, so the editor sees the link works,
    /// but nothing is recorded.
    /// </summary>
    public static PageResult TestLink() => Html("This was a test email",
        "<p>This was a test email; your click was not recorded. The same link in the real issue records it.</p>");
}
