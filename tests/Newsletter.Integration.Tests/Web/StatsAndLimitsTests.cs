// The stats page behind its secret, `newsletter stats` in CSV and JSON with comments, and per-address rate limits.
using Newsletter.Storage;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Newsletter.Integration.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Integration.Tests.Web;

public class StatsAndLimitsTests
{
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _site = await RunningSite.StartAsync([("ada@example.com", "Ada"), ("grace@example.com", "Grace"), ("linus@example.com", "Linus")]);
        await VoteAsync("ada@example.com", 5, "<b>Loved</b> the chaos section");
        await VoteAsync("grace@example.com", 4, null);
        // Linus leaves through the issue's one-click link (twice: counted once); Grace's address bounces; Ada complains twice.
        for (var i = 0; i < 2; i++)
            await _site.Http.PostAsync(_site.UnsubscribeUrl("linus@example.com"),
                new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        RecordBounce("grace@example.com", "hard", "<r1@example.net>");
        RecordBounce("ada@example.com", "complaint", "<r2@example.net>");
        RecordBounce("ada@example.com", "complaint", "<r3@example.net>");
    }

    private void RecordBounce(string email, string kind, string reportId)
    {
        using var connection = _site.Workspace.Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bounces (delivery_id, subscriber_id, issue_id, kind, matched_by, report_message_id, received_at)
            SELECT id, subscriber_id, issue_id, $kind, 'verp', $report, '2026-11-21T08:00:00Z' FROM deliveries
            WHERE issue_id = $issue AND subscriber_id = $subscriber
            """;
        command.Bind("$kind", kind);
        command.Bind("$report", reportId);
        command.Bind("$issue", _site.IssueId);
        command.Bind("$subscriber", _site.SubscriberId(email));
        Assert.That(command.ExecuteNonQuery(), Is.EqualTo(1));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public async Task StatsPage_WithoutOrWithWrongSecret_DoesNotExist()
    {
        Assert.That((await _site.Http.GetAsync(_site.BaseUrl + "/stats")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _site.Http.GetAsync(_site.BaseUrl + "/stats?key=wrong")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task StatsPage_WithSecret_ShowsFiguresChartsAndEscapedCommentsWithoutAddresses()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _site.BaseUrl + "/stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningSite.StatsKey);
        var response = await _site.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<svg").And.Contain("class=\"bars\"").And.Contain("class=\"trend\"").And.Contain("<polyline"));
        Assert.That(html, Does.Contain("<td>3</td><td>2</td><td>66.7%</td>").And.Contain("<td>4.50</td>"));
        Assert.That(html, Does.Contain("<tr><th>Unsubscribes</th><th>Hard bounces</th><th>Soft bounces</th><th>Complaints</th></tr>" +
            "<tr><td>1 (33.3%)</td><td>1 (33.3%)</td><td>0 (0.0%)</td><td>1 (33.3%)</td></tr>"));
        Assert.That(html, Does.Contain("&lt;b&gt;Loved&lt;/b&gt; the chaos section").And.Not.Contain("<b>Loved"));
        Assert.That(html, Does.Not.Contain("ada@example.com"), "no personal data unless asked for");

        var withEmails = await (await _site.Http.GetAsync($"{_site.BaseUrl}/stats?key={RunningSite.StatsKey}&emails=1")).Content.ReadAsStringAsync();
        Assert.That(withEmails, Does.Contain("ada@example.com"));
    }

    [Test]
    public void StatsCommand_JsonAndCsv_CarryFiguresAndComments()
    {
        var json = _site.Files.Run("stats", "--format", "json");
        Assert.That(json.ExitCode, Is.EqualTo(0), json.Error);
        var issue = JsonDocument.Parse(json.Output).RootElement[0];
        Assert.That(issue.GetProperty("delivered").GetInt32(), Is.EqualTo(3));
        Assert.That(issue.GetProperty("responses").GetInt32(), Is.EqualTo(2));
        Assert.That(issue.GetProperty("average").GetDouble(), Is.EqualTo(4.5));
        Assert.That(issue.GetProperty("response_rate").GetDouble(), Is.EqualTo(0.6667));
        Assert.That(issue.GetProperty("votes").GetArrayLength(), Is.EqualTo(5));
        Assert.That(issue.GetProperty("unsubscribes").GetInt32(), Is.EqualTo(1));
        Assert.That(issue.GetProperty("unsubscribe_rate").GetDouble(), Is.EqualTo(0.3333));
        Assert.That(issue.GetProperty("bounces").GetProperty("hard").GetInt32(), Is.EqualTo(1));
        Assert.That(issue.GetProperty("bounces").GetProperty("complaints").GetInt32(), Is.EqualTo(1), "two reports from one reader");
        Assert.That(issue.GetProperty("hard_bounce_rate").GetDouble(), Is.EqualTo(0.3333));
        Assert.That(issue.GetProperty("soft_bounce_rate").GetDouble(), Is.EqualTo(0));
        Assert.That(issue.GetProperty("complaint_rate").GetDouble(), Is.EqualTo(0.3333));
        var comment = issue.GetProperty("comments")[0];
        Assert.That(comment.GetProperty("text").GetString(), Is.EqualTo("<b>Loved</b> the chaos section"));
        Assert.That(comment.TryGetProperty("email", out _), Is.False);

        var csv = _site.Files.Run("stats", "--format", "csv");
        Assert.That(csv.ExitCode, Is.EqualTo(0), csv.Error);
        var lines = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("slug,title,delivered,responses,response_rate,average,option_value,option_label,option_votes," +
            "unsubscribes,unsubscribe_rate,hard_bounces,hard_bounce_rate,soft_bounces,soft_bounce_rate,complaints,complaint_rate"));
        Assert.That(lines, Has.Length.EqualTo(6));
        Assert.That(lines[1], Is.EqualTo($"{SampleIssue.Slug},Résumé of resilience,3,2,0.6667,4.5,5,Loved it,1,1,0.3333,1,0.3333,0,0,1,0.3333"));

        var table = _site.Files.Run("stats");
        Assert.That(table.Output, Does.Contain("Average rating across issues").And.Contain("<b>Loved</b> the chaos section"));
        Assert.That(table.Output, Does.Contain("unsubscribes 1 (33.3%)").And.Contain("hard bounces 1 (33.3%)").And.Contain("complaints 1 (33.3%)"));
    }

    [Test]
    public async Task RateLimit_PerClientAddress_Answers429()
    {
        await using var limited = await RunningSite.StartAsync([("someone@example.com", "Someone")], rateLimitPerMinute: 5);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++) codes.Add((await limited.Http.GetAsync(limited.VoteUrl("someone@example.com", 3))).StatusCode);
        Assert.That(codes.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(codes.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }

    private async Task VoteAsync(string email, int rating, string? comment)
    {
        var url = _site.VoteUrl(email, rating);
        var page = await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync();
        var thanks = await (await _site.PostFormAsync(url, ("form", RunningSite.FormToken(page)))).Content.ReadAsStringAsync();
        if (comment is null) return;
        var token = url[(url.LastIndexOf('/') + 1)..];
        var form = RunningSite.Forms(thanks).Single(f => f.Action.EndsWith("/comment")).Token;
        var saved = await _site.PostFormAsync($"{_site.BaseUrl}/poll/{token}/comment", ("form", form), ("comment", comment));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
