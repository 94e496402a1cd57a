// A workspace with a sent issue and `serve`'s web application running in-process on a real Kestrel at 127.0.0.1.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Newsletter.Integration.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Integration.Tests.Web;

public sealed partial class RunningSite : IAsyncDisposable
{
    private WebApplication? _app;

    private RunningSite(TestWorkspace workspace, string baseUrl)
    {
        Files = workspace;
        BaseUrl = baseUrl;
    }

    public TestWorkspace Files { get; }

    public string BaseUrl { get; }

    public Workspace Workspace { get; private set; } = null!;

    public long IssueId { get; private set; }

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    // Subscribers are added with the CLI and the issue is sent through the outbox, as an editor would.
    public static async Task<RunningSite> StartAsync(IEnumerable<(string Email, string Name)> subscribers, int rateLimitPerMinute = 0)
    {
        var files = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        files.Configure(c =>
        {
            c["baseUrl"] = baseUrl;
            c["signingKeyFile"] = files.PathOf(".keys/signing.key");
            c["statsToken"] = StatsKey;
            c["rateLimitPerMinute"] = rateLimitPerMinute;
        });
        var csv = "email,name\n" + string.Concat(subscribers.Select(s => $"{s.Email},\"{s.Name.Replace("\"", "\"\"")}\"\n"));
        var import = files.Run("subscribers", "import", files.Write("list.csv", csv));
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Error);
        var send = files.Run("send", files.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        var site = new RunningSite(files, baseUrl);
        await site.OpenAsync();
        return site;
    }

    public const string StatsKey = "stats-secret-for-tests-0123456789";

    public async Task OpenAsync()
    {
        Workspace = Workspace.Open(Files.PathOf("newsletter.json"));
        IssueId = Workspace.Issues.FindBySlug(SampleIssue.Slug)!.Id;
        _app = Newsletter.Web.NewsletterSite.Build(Workspace, BaseUrl);
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.DisposeAsync();
        _app = null;
        SqliteConnection.ClearAllPools();
    }

    public long SubscriberId(string email) => Workspace.Subscribers.FindByEmail(email)!.Id;

    public string VoteUrl(string email, int rating) => Workspace.Links.Vote(IssueId, SubscriberId(email), rating);

    public string UnsubscribeUrl(string email) => Workspace.Links.Unsubscribe(IssueId, SubscriberId(email));

    public long Count(string sql, string email) =>
        Files.Count(sql.Replace("$subscriber", SubscriberId(email).ToString()));

    public long Votes(string email) => Count("SELECT count(*) FROM votes WHERE subscriber_id = $subscriber", email);

    public long History(string email) => Count("SELECT count(*) FROM vote_history WHERE subscriber_id = $subscriber", email);

    public long Rating(string email) => Count("SELECT coalesce(max(rating), 0) FROM votes WHERE subscriber_id = $subscriber", email);

    public static string FormToken(string html, string? action = null)
    {
        foreach (var (formAction, token) in Forms(html))
            if (action is null || formAction == action) return token;
        throw new AssertionException($"no form{(action is null ? "" : " posting to " + action)} in:\n{html}");
    }

    // Each form's action ("" when it posts to the page's own URL) and its form token.
    public static IEnumerable<(string Action, string Token)> Forms(string html) =>
        FormPattern().Matches(html).Select(m =>
        {
            var action = ActionPattern().Match(m.Groups["attrs"].Value);
            return (action.Success ? System.Net.WebUtility.HtmlDecode(action.Groups[1].Value) : "", m.Groups["token"].Value);
        });

    public Task<HttpResponseMessage> PostFormAsync(string url, params (string Name, string Value)[] fields) =>
        Http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        Files.Dispose();
    }

    [GeneratedRegex("<form(?<attrs>[^>]*)>\\s*<input type=\"hidden\" name=\"form\" value=\"(?<token>[A-Za-z0-9_-]+)\">")]
    private static partial Regex FormPattern();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();
}
