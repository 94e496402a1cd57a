// An editor's first week, walked as a user walks it: init, write, check, send over SMTP, serve, vote, unsubscribe, stats.
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MimeKit;
using Newsletter.Integration.Tests.Peers;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Web;

namespace Newsletter.Integration.Tests.Journeys;

/// <summary>
/// One test, one story: each step uses only the command line, the mail that arrived at a real SMTP server, the
/// `serve` process and a real browser, and asserts what the editor or a reader would see at that step.
/// </summary>
public class EditorsWeekTests
{
    private const string Slug = "2026-12-07-build-notes-12";

    // A valid 1x1 PNG: the issue's hero image, kept beside the issue as an editor keeps it.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    [Test]
    public async Task EditorsWeek_FromInitToStats_EachStepShowsWhatTheUserExpects()
    {
        using var smtp = AiosmtpdServer.Start();
        using var folder = new TempFolder();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";

        // Monday: a new workspace, pointed at the relay and at where `serve` will run.
        var init = NewsletterCli.Run(folder.Root, "init", ".");
        Assert.That(init.ExitCode, Is.EqualTo(0), init.Error);
        Configure(folder.PathOf("newsletter.json"), c =>
        {
            c["name"] = "Build Notes";
            c["from"] = "Build Notes <editor@buildnotes.dev>";
            c["baseUrl"] = baseUrl;
            c["transport"] = $"smtp://127.0.0.1:{smtp.Port}";
            c["smtp"] = new JsonObject { ["security"] = "none", ["connections"] = 1 };
            c["statsToken"] = RunningSite.StatsKey;
        });
        folder.Write("list.csv", "email,name\ngrace@example.org,\"Hopper, Grace\"\nada@example.com,Ada Lovelace\n");
        var import = Run(folder, "subscribers", "import", "list.csv");
        Assert.That(import.Output, Does.Contain("2"), "the import says how many it added");

        // Tuesday: the issue, with a "#" in its quoted title and its image in a folder beside it.
        folder.WriteBytes($"issues/{Slug}/images/hero.png", Png);
        var issue = folder.Write($"issues/{Slug}.md", """
            ---
            title: "Build Notes #12"
            subject: "{{ subscriber.first_name | default: 'Friend' }}, Build Notes #12"
            preheader: Three ways to ship on a Friday
            ---
            Hi {{ subscriber.first_name | default: "there" }},

            ![A ship leaving port](images/hero.png){width=600}

            This week: [feature flags](https://martinfowler.com/articles/feature-toggles.html) and a footnote.[^1]

            [^1]: Only on Fridays.
            """);

        // Wednesday: check finds nothing to fix, and gives the email's weight against Gmail's clipping.
        var check = Run(folder, "check", issue);
        Assert.That(check.Output, Does.Contain("0 error(s)").And.Contain("of Gmail's 102 KB"));

        // Thursday: the send, over SMTP to the real server; a second run sends nothing.
        var send = Run(folder, "send", "--force", issue);
        Assert.That(send.Output, Does.Contain("Sent 2 "));
        Assert.That(Run(folder, "send", "--force", issue).Output, Does.Contain("Nothing to send"));
        var mail = smtp.Messages().ToDictionary(m => m.Recipients.Single(), m => MimeMessage.Load(m.Path));
        Assert.That(mail.Keys, Is.EquivalentTo(new[] { "grace@example.org", "ada@example.com" }), "one each, nobody twice");
        var grace = mail["grace@example.org"];
        Assert.That(grace.Subject, Is.EqualTo("Grace, Build Notes #12"), "a \"Last, First\" name greets its first name");
        Assert.That(grace.TextBody, Does.Contain("Hi Grace,"));
        Assert.That(grace.HtmlBody, Does.Contain("<title>Grace, Build Notes #12</title>"));
        Assert.That(grace.HtmlBody, Does.Contain($"src=\"{baseUrl}/issues/{Slug}/images/hero.png\""));
        Assert.That(grace.HtmlBody, Does.Contain($"href=\"{baseUrl}/issues/{Slug}#fn:1\""), "the footnote opens where it is sure to work");
        Assert.That(grace.Headers[HeaderId.ListUnsubscribePost], Is.EqualTo("List-Unsubscribe=One-Click"));
        Assert.That(mail["ada@example.com"].Subject, Is.EqualTo("Ada, Build Notes #12"));

        var serve = NewsletterCli.Start(folder.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            await ServerReady.WaitUntilUp(http, baseUrl);

            // The image the email shows is there, and so is the issue's page with its title.
            var image = await http.GetAsync($"{baseUrl}/issues/{Slug}/images/hero.png");
            Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await image.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
            var page = await http.GetStringAsync($"{baseUrl}/issues/{Slug}");
            Assert.That(page, Does.Contain("Build Notes #12").And.Contain("Hi there,"), "the web page greets nobody by name");

            // Friday: Grace opens her email in a browser and clicks "Great".
            var emailFile = folder.Write("grace.html", grace.HtmlBody!);
            await using (var browser = await HeadlessChromium.StartAsync())
            {
                await browser.OpenTabAsync(new Uri(emailFile).AbsoluteUri);
                await browser.WaitForTextAsync("How would you rate", TimeSpan.FromSeconds(20));
                var clicked = await browser.EvaluateAsync(
                    "(() => { const a = [...document.querySelectorAll('a.poll-option')].find(x => x.textContent.includes('Great')); a.click(); return a.textContent; })()");
                Assert.That(clicked, Does.Contain("Great"));
                var thanks = await browser.WaitForTextAsync("Thank you for your rating", TimeSpan.FromSeconds(20));
                Assert.That(thanks, Does.Contain("Grace"), "thanked by her first name");
            }

            // Ada leaves through her mail client's one-click unsubscribe (RFC 8058 §3.2).
            var oneClick = mail["ada@example.com"].Headers[HeaderId.ListUnsubscribe]!.Trim().Trim('<', '>');
            var left = await http.PostAsync(oneClick, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
            Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            // Saturday: the stats page tells the editor what happened.
            var statsPage = await http.GetStringAsync($"{baseUrl}/stats?key={RunningSite.StatsKey}");
            Assert.That(statsPage, Does.Contain("Build Notes #12"));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            serve.Dispose();
        }

        var shown = Run(folder, "subscribers", "show", "ada@example.com");
        Assert.That(shown.Output, Does.Contain("unsubscribed"));
        using var stats = JsonDocument.Parse(Run(folder, "stats", Slug, "--format", "json").Output);
        var issueStats = stats.RootElement.ValueKind == JsonValueKind.Array ? stats.RootElement[0] : stats.RootElement;
        Assert.That(issueStats.GetProperty("delivered").GetInt32(), Is.EqualTo(2));
        Assert.That(issueStats.GetProperty("responses").GetInt32(), Is.EqualTo(1));
        Assert.That(issueStats.GetProperty("average").GetDouble(), Is.EqualTo(4));

        // The next issue goes to Grace alone.
        var next = folder.Write("issues/2026-12-14-build-notes-13.md", "---\ntitle: \"Build Notes #13\"\npreheader: More\n---\nHi.\n");
        Assert.That(Run(folder, "send", "--force", next).Output, Does.Contain("Sent 1 "));
        Assert.That(smtp.Messages().Count(m => m.Recipients.Single() == "ada@example.com"), Is.EqualTo(1), "nothing after she left");
    }

    private static CliResult Run(TempFolder folder, params string[] args)
    {
        var result = NewsletterCli.Run(folder.Root, args);
        Assert.That(result.ExitCode, Is.EqualTo(0), $"newsletter {string.Join(' ', args)}:\n{result.Output}\n{result.Error}");
        return result;
    }

    private static void Configure(string path, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    // A folder `init` has not been run in yet: the editor's first step is theirs.
    private sealed class TempFolder : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("newsletter-week-").FullName;

        public string PathOf(string relative) => Path.Combine(Root, relative);

        public string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

        public string WriteBytes(string relative, byte[] bytes)
        {
            var path = PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }
}
