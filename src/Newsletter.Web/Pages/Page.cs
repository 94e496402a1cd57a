// The small, self-contained HTML pages readers see (inline styles; the only script is the poll page's, allowed by hash).
using System.Net;
using Microsoft.AspNetCore.Http;

namespace Newsletter.Web.Pages;

/// <summary>Renders a simple accessible page; every value passed in is HTML-encoded by the caller via <see cref="E"/>.</summary>
public static class Page
{
    /// <summary>HTML-encodes text.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A complete page with a title and trusted body HTML.</summary>
    public static IResult Html(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>{{E(title)}}</title>
        <style>
        body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; max-width: 640px; margin: 40px auto; padding: 0 16px; line-height: 1.6; color: #1f2328; background: #fff; }
        h1 { font-size: 26px; line-height: 1.3; }
        a { color: #0969da; }
        button { font: inherit; padding: 10px 18px; border-radius: 8px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
        .options a { display: inline-block; margin: 4px; padding: 10px 14px; border: 1px solid #d0d7de; border-radius: 8px; text-decoration: none; color: inherit; }
        .options form { display: inline-block; margin: 4px; }
        blockquote.comment { white-space: pre-wrap; border-left: 3px solid #d0d7de; margin: 0; padding: 4px 12px; }
        table { border-collapse: collapse; } th, td { padding: 4px 10px; border-bottom: 1px solid #d0d7de; text-align: left; }
        svg { max-width: 100%; height: auto; }
        textarea { font: inherit; width: 100%; box-sizing: border-box; }
        @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } a { color: #58a6ff; } button, textarea { background: #21262d; color: #e6edf3; border-color: #30363d; } }
        </style>
        </head>
        <body>
        <h1>{{E(title)}}</h1>
        {{bodyHtml}}
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: statusCode);

    /// <summary>The page for a form that cannot be accepted (400): <paramref name="reason"/> says why and that nothing was saved.</summary>
    public static IResult BadForm(string reason) => Html("That did not work", $"<p>{E(reason)}</p>", StatusCodes.Status400BadRequest);

    /// <summary>The page for a link that is not valid (forged, altered or for something that no longer exists).</summary>
    public static IResult InvalidLink() => Html("This link is not valid",
        "<p>The link may have been cut short or changed. Please use the link exactly as it appears in the email.</p>",
        StatusCodes.Status404NotFound);

    /// <summary>
    /// The page for a link from a test send (<c>send --test</c>): it is answered, so the editor sees the link works,
    /// but nothing is recorded.
    /// </summary>
    public static IResult TestLink() => Html("This was a test email",
        "<p>This was a test email; your click was not recorded. The same link in the real issue records it.</p>");
}
