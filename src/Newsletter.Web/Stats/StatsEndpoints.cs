// The editor's stats page in `serve`: figures, SVG charts and comments, behind a secret from the configuration.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Newsletter.Configuration;
using Newsletter.Reporting;
using Newsletter.Web.Pages;
using Newsletter.Text;

namespace Newsletter.Web.Stats;

/// <summary>
/// Maps <c>GET /stats</c>. The secret is <c>NEWSLETTER_STATS_TOKEN</c> or the <c>statsToken</c> setting, given as
/// <c>Authorization: Bearer SECRET</c> (RFC 6750 §2.1) or <c>?key=SECRET</c>; without a configured secret, or with a
/// wrong one, the page does not exist (404). No personal data is shown unless <c>?emails=1</c> asks for it.
/// </summary>
public static class StatsEndpoints
{
    /// <summary>Environment variable holding the stats page secret; wins over the setting.</summary>
    public const string EnvironmentVariable = "NEWSLETTER_STATS_TOKEN";

    /// <summary>Adds the stats endpoint.</summary>
    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/stats");
        stats.MapGet("/", Show);
        return app;
    }

    private static Results<PageResult, NotFound> Show(HttpRequest request, StatsReport report, NewsletterSettings settings)
    {
        if (!Authorized(request, settings)) return TypedResults.NotFound();
        var withEmails = request.Query["emails"] == "1";
        var all = report.ForAll(withEmails);
        var body = new StringBuilder();
        if (all.Count == 0) body.Append("<p>No issue has been sent yet.</p>");
        var top = all.SelectMany(s => s.Votes).Select(v => v.Value).DefaultIfEmpty(5).Max();
        if (all.Count > 0) body.Append("<h2>Average rating across issues</h2>").Append(SvgCharts.Trend(StatsReport.Trend(all), top));
        foreach (var stats in all.Reverse()) body.Append(Issue(stats));
        return Page.Html($"{settings.Name}: ratings, unsubscribes and bounces", body.ToString());
    }

    private static string Issue(IssueStats stats)
    {
        var html = new StringBuilder($"<section class=\"issue\"><h2>{Page.E(stats.Title)}</h2><p><small>{Page.E(stats.Slug)}</small></p>");
        html.Append("<table><tr><th>Delivered</th><th>Responses</th><th>Response rate</th><th>Average</th></tr>")
            .Append($"<tr><td>{stats.Delivered}</td><td>{stats.Responses}</td><td>{(stats.ResponseRate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–")}</td>")
            .Append($"<td>{(stats.Average is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "–")}</td></tr></table>")
            .Append(Losses(stats))
            .Append(SvgCharts.Bars(stats));
        if (stats.Comments.Count > 0)
        {
            html.Append("<h3>Comments</h3><ul class=\"comments\">");
            foreach (var comment in stats.Comments)
                // Each reader's text is isolated and stripped of bidi controls, so a U+202E cannot reverse the address beside it.
                html.Append($"<li><strong>{comment.Rating}</strong> <bdi>{Page.E(DisplayText.WithoutBidiControls(comment.Text))}</bdi>" +
                    $"{(comment.Email is null ? "" : $" <small>(<bdi>{Page.E(DisplayText.WithoutBidiControls(comment.Email))}</bdi>)</small>")}</li>");
            html.Append("</ul>");
        }
        return html.Append("</section>").ToString();
    }

    // Who the issue lost or could not reach, each as a count and a share of the deliveries.
    private static string Losses(IssueStats stats)
    {
        var bounces = stats.Bounces;
        return "<table class=\"losses\"><tr><th>Unsubscribes</th><th>Hard bounces</th><th>Soft bounces</th><th>Complaints</th></tr><tr>" +
            Cell(stats.Unsubscribes, stats.UnsubscribeRate) + Cell(bounces?.Hard, stats.HardBounceRate) +
            Cell(bounces?.Soft, stats.SoftBounceRate) + Cell(bounces?.Complaints, stats.ComplaintRate) + "</tr></table>";
    }

    private static string Cell(int? count, double? rate) =>
        $"<td>{(count is { } c ? c.ToString(CultureInfo.InvariantCulture) : "–")} ({Percent(rate)})</td>";

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    // Compares hashes in fixed time, so neither the secret's content nor its length leaks through timing.
    private static bool Authorized(HttpRequest request, NewsletterSettings settings)
    {
        var secret = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(secret)) secret = settings.StatsToken;
        if (string.IsNullOrEmpty(secret)) return false;
        var header = request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : request.Query["key"].ToString();
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
