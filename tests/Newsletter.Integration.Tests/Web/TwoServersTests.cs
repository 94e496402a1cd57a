// Two `serve` processes on one PostgreSQL database: what a reader does through either lands once, and the scanner
// guard and the sign-up throttle see both servers' requests together.
using System.Diagnostics;
using System.Net;
using Newsletter.Configuration;
using Newsletter.Integration.Tests.Support;
using Newsletter.Storage;
using Newsletter.Testing;
using Npgsql;

namespace Newsletter.Integration.Tests.Web;

[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class TwoServersTests
{
    private const int Crowd = 20;
    private TestWorkspace _files = null!;
    private string _connectionString = null!;
    private Dictionary<string, string> _environment = null!;
    private readonly List<Process> _servers = [];
    private string _a = null!;
    private string _b = null!;
    private string _baseUrl = null!;
    private long _issueId;
    private Dictionary<string, long> _ids = null!;
    private Dictionary<(string Email, int Rating), string> _voteLinks = null!;
    private Dictionary<string, string> _unsubscribeLinks = null!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private static readonly string[] Readers = ["changer@example.com", "commenter@example.com", "scanned@example.com",
        "leaver1@example.com", "leaver2@example.com", .. Enumerable.Range(0, Crowd).Select(i => $"crowd{i}@example.com")];

    [OneTimeSetUp]
    public async Task Start()
    {
        // The password reaches every process through NEWSLETTER_DATABASE_PASSWORD, never through the config file.
        var cluster = PostgresCluster.Shared;
        _connectionString = cluster.CreateDatabase();
        var name = new NpgsqlConnectionStringBuilder(_connectionString).Database!;
        _environment = new Dictionary<string, string> { [DatabaseAddress.PasswordVariable] = cluster.Password };
        _files = new TestWorkspace();
        _a = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        _b = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        _baseUrl = _a;
        _files.Configure(c =>
        {
            c["baseUrl"] = _baseUrl;
            c["database"] = $"postgres://{cluster.UserName}@127.0.0.1:{cluster.Port}/{name}";
            c["signingKeyFile"] = _files.PathOf(".keys/signing.key");
        });

        Cli("db", "migrate");
        Cli("subscribers", "import", _files.Write("list.csv", "email,name\n" + string.Concat(Readers.Select(r => $"{r},Reader\n"))));
        Cli("send", _files.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        ReadLinks();

        foreach (var url in new[] { _a, _b }) _servers.Add(NewsletterCli.Start(_files.Root, _environment, "serve", "--urls", url));
        foreach (var url in new[] { _a, _b }) await ServerReady.WaitUntilUp(_http, url + "/");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            server.Dispose();
        }
        _http.Dispose();
        _files?.Dispose();
    }

    [Test]
    public async Task Vote_OnAThenChangedOnB_OneVoteRowAndBothInHistory()
    {
        var thanks = await VoteAsync(_a, "changer@example.com", 4);
        Assert.That(thanks.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var change = RunningSite.Forms(await thanks.Content.ReadAsStringAsync()).First(f => f.Action.EndsWith("/change", StringComparison.Ordinal));

        var changed = await PostAsync(_b + change.Action, ("form", change.Token), ("rating", "2"));

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(Count("SELECT count(*) FROM votes WHERE issue_id = @issue AND subscriber_id = @id", "changer@example.com"), Is.EqualTo(1));
            Assert.That(Count("SELECT rating FROM votes WHERE issue_id = @issue AND subscriber_id = @id", "changer@example.com"), Is.EqualTo(2));
            Assert.That(Count("SELECT count(*) FROM vote_history WHERE issue_id = @issue AND subscriber_id = @id", "changer@example.com"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Comment_VotedOnOneServerCommentedOnTheOther_SavedOnce()
    {
        var thanks = await VoteAsync(_b, "commenter@example.com", 3);
        Assert.That(thanks.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var form = RunningSite.Forms(await thanks.Content.ReadAsStringAsync()).Single(f => f.Action.EndsWith("/comment", StringComparison.Ordinal));

        var saved = await PostAsync(_a + form.Action, ("form", form.Token), ("comment", "Posted through A"));
        var again = await PostAsync(_b + form.Action, ("form", form.Token), ("comment", "Then through B"));

        Assert.That(new[] { saved.StatusCode, again.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(Text("SELECT comment FROM votes WHERE issue_id = @issue AND subscriber_id = @id", "commenter@example.com"), Is.EqualTo("Then through B"));
            Assert.That(Count("SELECT count(*) FROM votes WHERE issue_id = @issue AND subscriber_id = @id", "commenter@example.com"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Vote_ManyAtOnceThroughBothServers_EveryAcknowledgedVoteIsInTheDatabase()
    {
        var votes = Enumerable.Range(0, Crowd).Select(i => VoteAsync(i % 2 == 0 ? _a : _b, $"crowd{i}@example.com", i % 5 + 1));

        var answers = await Task.WhenAll(votes);

        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        for (var i = 0; i < Crowd; i++)
        {
            var email = $"crowd{i}@example.com";
            Assert.That(Count("SELECT rating FROM votes WHERE issue_id = @issue AND subscriber_id = @id", email), Is.EqualTo(i % 5 + 1), email);
            Assert.That(Count("SELECT count(*) FROM vote_history WHERE issue_id = @issue AND subscriber_id = @id", email), Is.EqualTo(1), email);
        }
    }

    [Test]
    public async Task Scanner_FetchesOneOptionOnEachServer_VoteNotCountedAsAPersons()
    {
        var one = await _http.GetStringAsync(On(_a, _voteLinks[("scanned@example.com", 1)]));
        var five = await _http.GetStringAsync(On(_b, _voteLinks[("scanned@example.com", 5)]));

        var first = await PostAsync(On(_a, _voteLinks[("scanned@example.com", 1)]), ("form", RunningSite.FormToken(one)));
        var second = await PostAsync(On(_b, _voteLinks[("scanned@example.com", 5)]), ("form", RunningSite.FormToken(five)));

        Assert.Multiple(async () =>
        {
            Assert.That(new[] { first.StatusCode, second.StatusCode }, Is.All.EqualTo(HttpStatusCode.Accepted), "each is asked to confirm");
            Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("opened every option"));
            Assert.That(Count("SELECT count(*) FROM votes WHERE issue_id = @issue AND subscriber_id = @id", "scanned@example.com"), Is.Zero);
            Assert.That(Count("SELECT count(*) FROM vote_history WHERE issue_id = @issue AND subscriber_id = @id", "scanned@example.com"), Is.Zero);
        });
    }

    [Test]
    public async Task Unsubscribe_OneClickPostOnEitherServer_RecordedOnce()
    {
        var answers = new List<HttpStatusCode>();
        foreach (var (server, email) in new[] { (_a, "leaver1@example.com"), (_b, "leaver1@example.com"), (_b, "leaver2@example.com"), (_a, "leaver2@example.com") })
        {
            var response = await _http.PostAsync(On(server, _unsubscribeLinks[email]),
                new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
            answers.Add(response.StatusCode);
        }

        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.OK));
        foreach (var email in new[] { "leaver1@example.com", "leaver2@example.com" })
        {
            Assert.That(Text("SELECT status FROM subscribers WHERE id = @id", email), Is.EqualTo("unsubscribed"), email);
            Assert.That(Count("SELECT count(*) FROM unsubscribes WHERE subscriber_id = @id AND issue_id = @issue", email), Is.EqualTo(1), email);
        }
    }

    [Test]
    public async Task Signup_OnEachServer_OnePendingSubscriberAndOneConfirmationEach()
    {
        var answers = new[] { await SignUpAsync(_a, "new-a@example.com"), await SignUpAsync(_b, "new-b@example.com") };

        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.OK));
        foreach (var email in new[] { "new-a@example.com", "new-b@example.com" })
        {
            Assert.That(Count($"SELECT count(*) FROM subscribers WHERE email = '{email}' AND status = 'pending'"), Is.EqualTo(1), email);
            Assert.That(ConfirmationsTo(email), Is.EqualTo(1), email);
        }
    }

    [Test]
    public async Task Signup_SameAddressOnBothServers_ThrottleCountsThemTogether()
    {
        // Three attempts an hour per address: the fourth, made on B after two on A and one on B, sends nothing.
        foreach (var server in new[] { _a, _b, _a, _b, _a })
            Assert.That(await SignUpAsync(server, "again@example.com"), Is.EqualTo(HttpStatusCode.OK), "a throttled form gets the same page");

        Assert.Multiple(() =>
        {
            Assert.That(ConfirmationsTo("again@example.com"), Is.EqualTo(3));
            Assert.That(Count("SELECT count(*) FROM signup_attempts WHERE key = 'address:again@example.com'"), Is.EqualTo(3));
        });
    }

    // Runs the command in this process, as the other tests do, with the database password in its environment.
    private void Cli(params string[] args)
    {
        var result = NewsletterCli.Run(_files.Root, _environment, args);
        Assert.That(result.ExitCode, Is.EqualTo(0), $"newsletter {string.Join(' ', args)}: {result.Error}{result.Output}");
    }

    // The links the sent emails carry, made with the workspace's own key by the product's own link builder.
    private void ReadLinks()
    {
        var variables = _environment.ToDictionary(p => p.Key, p => (string?)p.Value);
        Task.Run(() =>
        {
            RunEnvironment.Use(new RunEnvironment(_files.Root, variables));
            var workspace = Workspace.Open(_files.PathOf("newsletter.json"));
            _issueId = workspace.Issues.FindBySlug(SampleIssue.Slug)!.Id;
            _ids = Readers.ToDictionary(r => r, r => workspace.Subscribers.FindByEmail(r)!.Id);
            _voteLinks = Readers.SelectMany(r => Enumerable.Range(1, 5).Select(rating => (r, rating)))
                .ToDictionary(k => k, k => workspace.Links.Vote(_issueId, _ids[k.r], k.rating));
            _unsubscribeLinks = Readers.ToDictionary(r => r, r => workspace.Links.Unsubscribe(_issueId, _ids[r]));
        }).GetAwaiter().GetResult();
        Assert.That(Count("SELECT count(*) FROM deliveries WHERE issue_id = @issue AND status = 'sent'"), Is.EqualTo(Readers.Length));
    }

    private string On(string server, string link) => server + link[_baseUrl.Length..];

    // A reader's click: the page's GET, then the POST its script makes at once.
    private async Task<HttpResponseMessage> VoteAsync(string server, string email, int rating)
    {
        var url = On(server, _voteLinks[(email, rating)]);
        var page = await _http.GetStringAsync(url);
        return await PostAsync(url, ("form", RunningSite.FormToken(page)));
    }

    private Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    private async Task<HttpStatusCode> SignUpAsync(string server, string email) =>
        (await PostAsync(server + "/subscribe", ("email", email), ("name", ""), ("website", ""))).StatusCode;

    private int ConfirmationsTo(string email)
    {
        var folder = _files.PathOf("outbox/confirm");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Count(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Any(m => m.Address == email))
            : 0;
    }

    private long Count(string sql, string? email = null) => Convert.ToInt64(Scalar(sql, email), System.Globalization.CultureInfo.InvariantCulture);

    private string? Text(string sql, string email) => Scalar(sql, email) as string;

    private object? Scalar(string sql, string? email)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("issue", _issueId);
        if (email is not null) command.Parameters.AddWithValue("id", _ids[email]);
        return command.ExecuteScalar();
    }
}
