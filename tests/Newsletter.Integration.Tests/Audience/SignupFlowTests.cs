using System.Net;
using System.Text.RegularExpressions;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Audience;

public class SignupFlowTests
{
    [Test]
    public async Task Signup_FormThenConfirmationLinkFromOutbox_ActivatesSubscriber()
    {
        using var workspace = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        workspace.Run("subscribers", "add", "known@example.com");
        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, baseUrl + "/subscribe");
            var form = await http.GetStringAsync(baseUrl + "/subscribe");
            Assert.That(form, Does.Contain("name=\"website\""));

            var fresh = await Post(http, baseUrl, "ada@example.com", "Ada");
            var known = await Post(http, baseUrl, "known@example.com", "");
            Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(known, Is.EqualTo(fresh), "the answer does not reveal whether an address is on the list");
            Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'ada@example.com' AND status = 'pending'"), Is.EqualTo(1));

            var bot = await Post(http, baseUrl, "bot@example.com", "Bot", honeypot: "http://spam.example");
            Assert.That(bot, Is.EqualTo(fresh));
            Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'bot@example.com'"), Is.Zero);
            var invalid = await Post(http, baseUrl, "ada@", "");
            Assert.That(invalid.Status, Is.EqualTo(HttpStatusCode.BadRequest));

            var eml = Directory.GetFiles(workspace.PathOf("outbox/confirm"), "*.eml").Single();
            var parsed = StrictParser.ParseFile(eml);
            var text = parsed.GetProperty("structure").GetProperty("children")[0].GetProperty("text").GetString()!;
            var link = Regex.Match(text, Regex.Escape(baseUrl) + @"/subscribe/confirm/[A-Za-z0-9_-]+").Value;
            Assert.That(link, Is.Not.Empty, text);

            var page = await http.GetAsync(link);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE status = 'active'"), Is.EqualTo(1), "a GET only shows the button");
            var confirm = await http.PostAsync(link, null);
            Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await confirm.Content.ReadAsStringAsync(), Does.Contain("You are subscribed"));
            Assert.That((int)(await http.PostAsync(link[..^2] + "xx", null)).StatusCode, Is.EqualTo(404));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers WHERE email = 'ada@example.com' AND status = 'active' AND confirmed_at IS NOT NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task Signup_BadOrHugeName_IsRefusedWithAPageAndNothingIsSaved()
    {
        using var workspace = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "serve", "--urls", baseUrl);
        try
        {
            // With Expect: 100-continue the client waits for the server's verdict before sending a large body, so a
            // refusal arrives as a response instead of as a connection closed under a half-sent upload.
            using var http = new HttpClient { DefaultRequestHeaders = { ExpectContinue = true } };
            await ServerReady.WaitUntilUp(http, baseUrl + "/subscribe");

            var escapes = await Post(http, baseUrl, "ada@example.com", "Ada\u001b[2J");
            var long100K = await Post(http, baseUrl, "bob@example.com", new string('x', 100_000));
            var huge5M = await Post(http, baseUrl, "eve@example.com", new string('x', 5_000_000));

            Assert.Multiple(() =>
            {
                Assert.That(escapes.Status, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(escapes.Body, Does.Contain("Please check the name: the name contains the control character U+001B"));
                Assert.That(escapes.Body, Does.Contain("<form method=\"post\""), "the form is shown again");
                Assert.That(long100K.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
                Assert.That(huge5M.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
                Assert.That(huge5M.Body, Does.Contain("The form is too large"));
            });
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
        Assert.Multiple(() =>
        {
            Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.Zero);
            var outbox = workspace.PathOf("outbox");
            Assert.That(Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*", SearchOption.AllDirectories) : [], Is.Empty, "no email and no half-written file");
        });
    }

    [Test]
    public async Task Signup_ServeWithOtherConfigFile_NamesThatFileInTheTransportError()
    {
        using var workspace = new TestWorkspace();
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c =>
        {
            c["baseUrl"] = baseUrl;
            c["transport"] = "smtp://smtp.example.com/not-a-server";
        });
        // A newsletter.json beside it is not the configuration this run uses, and must not be the one named.
        File.Move(workspace.PathOf("newsletter.json"), workspace.PathOf("other.json"));
        File.WriteAllText(workspace.PathOf("newsletter.json"), "{}");
        var (status, log) = await SignUpOnce(workspace, baseUrl, "serve", "--config", "other.json", "--urls", baseUrl);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), "the editor's setting is at fault, not the reader");
            Assert.That(log, Does.Contain(workspace.PathOf("other.json") + ": 'transport' 'smtp://smtp.example.com/not-a-server' is not an SMTP server address"));
            Assert.That(log, Does.Not.Contain("newsletter.json"));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Signup_LiveTransportWithLoopbackBaseUrl_SendsNoConfirmationUnlessServeIsForced(bool force)
    {
        using var server = AiosmtpdServer.Start();
        using var workspace = Delivery.FaultySendTests.SmtpWorkspace(server.Port, maxConsecutiveErrors: 5);
        var baseUrl = $"http://127.0.0.1:{TestWorkspace.FreePort()}";
        workspace.Configure(c => c["baseUrl"] = baseUrl);
        string[] args = force ? ["serve", "--urls", baseUrl, "--force"] : ["serve", "--urls", baseUrl];
        var (status, log) = await SignUpOnce(workspace, baseUrl, args);
        if (force)
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), log);
            Assert.That(server.Messages(), Has.Count.EqualTo(1), "forced: the confirmation goes out");
            Assert.That(log, Does.Not.Contain("will not be sent"));
            return;
        }
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), "the editor's setting is at fault, not the reader");
            Assert.That(server.Messages(), Is.Empty, "no confirmation whose link leads to 127.0.0.1");
            Assert.That(log, Does.Contain("warning: sign-up confirmations will not be sent through smtp://127.0.0.1"));
            Assert.That(log, Does.Contain("'baseUrl'"));
        });
    }

    // Starts serve with args, signs Ada up once, stops serve, and returns the answer's status and everything serve printed.
    private static async Task<(HttpStatusCode Status, string Log)> SignUpOnce(TestWorkspace workspace, string baseUrl, params string[] args)
    {
        using var serve = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), args);
        HttpStatusCode status;
        try
        {
            using var http = new HttpClient();
            await ServerReady.WaitUntilUp(http, baseUrl + "/subscribe");
            (status, _) = await Post(http, baseUrl, "ada@example.com", "Ada");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
        return (status, await serve.StandardOutput.ReadToEndAsync() + await serve.StandardError.ReadToEndAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body)> Post(HttpClient http, string baseUrl, string email, string name, string honeypot = "")
    {
        var response = await http.PostAsync(baseUrl + "/subscribe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["name"] = name, ["website"] = honeypot,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
