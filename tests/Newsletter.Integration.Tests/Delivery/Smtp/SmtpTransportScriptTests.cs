// The SMTP transport against recorded server conversations, replayed by a scripted server on 127.0.0.1.
using MimeKit;
using Newsletter.Delivery.Messages;
using Newsletter.Delivery.Smtp;
using Newsletter.Delivery.Transports;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery.Smtp;

[TestFixture]
[CancelAfter(30_000)]
public sealed class SmtpTransportScriptTests
{
    private const string From = "bounces@news.example.test";

    internal static SmtpEndpoint Endpoint(int port, SmtpSecurity security = SmtpSecurity.None) =>
        new("127.0.0.1", port, security) { LocalDomain = "client.example.test", Timeout = TimeSpan.FromSeconds(5) };

    internal static MimeMessage Message(string to = "reader@example.org")
    {
        var message = new MimeMessage { Subject = "Script test", MessageId = "script.1@news.example.test" };
        message.From.Add(new MailboxAddress("News", "news@news.example.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "Hello reader\n.leading dot\n" };
        return message;
    }

    private static async Task<(TransportResult Result, ScriptedSmtpServer Server)> SendOnce(string script, SmtpEndpoint? endpoint = null)
    {
        var server = ScriptedSmtpServer.FromFile(script);
        await using var transport = new SmtpTransport(endpoint ?? Endpoint(server.Port), 1);
        var result = await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None);
        return (result, server);
    }

    [Test]
    public async Task Send_PipeliningServerOfferingSize_BatchesMailAndRcptAndWritesTheMessageOnce()
    {
        var (result, server) = await SendOnce("pipelined-send.txt");
        await using (server)
        {
            await server.AssertCompletedAsync();
            Assert.That(result, Is.EqualTo(TransportResult.Accepted));
            Assert.That(server.Data.Single(), Does.Contain("Subject: Script test\r\n"));
            Assert.That(server.Data.Single(), Does.Contain("\r\n..leading dot\r\n"), "a leading dot is stuffed (RFC 5321 §4.5.2)");
        }
    }

    [Test]
    public async Task Send_RecipientRefused5_1_1_IsRejectedAndTheConnectionCarriesTheNextMessage()
    {
        await using var server = ScriptedSmtpServer.FromFile("rejected-recipient.txt");
        await using (var transport = new SmtpTransport(Endpoint(server.Port), 1))
        {
            var refused = await transport.SendAsync(From, "nobody@example.org", Message("nobody@example.org"), CancellationToken.None);
            var next = await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None);
            Assert.That(refused.Outcome, Is.EqualTo(TransportOutcome.Rejected));
            Assert.That(refused.Detail, Does.StartWith("550 5.1.1 The email account that you tried to reach does not exist."));
            Assert.That(next, Is.EqualTo(TransportResult.Accepted));
        }
        await server.AssertCompletedAsync();
    }

    [TestCase("relay-denied.txt", "554 5.7.1 <reader@example.org>: Relay access denied")]
    [TestCase("sender-refused.txt", "553 5.1.8 <bounces@news.example.test>: Sender address rejected")]
    [TestCase("greeting-refused.txt", "554 5.7.1 No SMTP service here")]
    public async Task Send_ServerRefusesTheSender_IsBlockedNotABounce(string script, string detail)
    {
        var (result, server) = await SendOnce(script);
        await using (server)
        {
            Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Blocked), result.Detail);
            Assert.That(result.Detail, Does.StartWith(detail));
        }
    }

    [Test]
    public async Task Send_ContentRefusedWith451AfterData_IsThrottledAndTheConnectionIsReset()
    {
        var (result, server) = await SendOnce("data-rejected.txt");
        await using (server)
        {
            await server.AssertCompletedAsync();
            Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Throttled));
            Assert.That(result.Detail, Is.EqualTo("451 4.7.1 Try again later, you are sending too fast"));
        }
    }

    [Test]
    public async Task Send_ConnectionClosedWith421_IsSentOnAFreshConnection()
    {
        var (result, server) = await SendOnce("pool-reconnect.txt");
        await using (server)
        {
            await server.AssertCompletedAsync();
            Assert.That(result, Is.EqualTo(TransportResult.Accepted));
            Assert.That(server.Data, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Send_AuthPlain_AuthenticatesAndTheProtocolLogHidesTheSecret()
    {
        var logFile = Path.Combine(Path.GetTempPath(), $"smtp-{Guid.NewGuid():N}.log");
        try
        {
            await using var server = ScriptedSmtpServer.FromFile("auth-plain.txt");
            using (var log = new SmtpProtocolLog(logFile))
            {
                var endpoint = Endpoint(server.Port) with
                {
                    Authentication = new SmtpAuthentication("newsletter", null, () => "s3cret"),
                    ProtocolLog = log,
                };
                await using var transport = new SmtpTransport(endpoint, 1);
                Assert.That(await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None), Is.EqualTo(TransportResult.Accepted));
            }
            await server.AssertCompletedAsync();
            var text = await File.ReadAllTextAsync(logFile);
            Assert.That(text, Does.Contain("C1: AUTH PLAIN ********"));
            Assert.That(text, Does.Contain("S1: 235 2.7.0 Authentication successful"));
            Assert.That(text, Does.Not.Contain("AG5ld3NsZXR0ZXIAczNjcmV0"));
            if (OperatingSystem.IsLinux()) Assert.That(File.GetUnixFileMode(logFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    [Test]
    public async Task Send_OAuthAccessToken_AuthenticatesWithXoauth2()
    {
        await using var server = ScriptedSmtpServer.FromFile("oauth-xoauth2.txt");
        var endpoint = Endpoint(server.Port) with { Authentication = new SmtpAuthentication("news@example.test", "XOAUTH2", () => "ya29.token") };
        await using (var transport = new SmtpTransport(endpoint, 1))
            Assert.That(await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None), Is.EqualTo(TransportResult.Accepted));
        await server.AssertCompletedAsync();
    }

    [Test]
    public async Task Send_CredentialsRefused_IsBlocked()
    {
        await using var server = ScriptedSmtpServer.FromFile("auth-failed.txt");
        var endpoint = Endpoint(server.Port) with { Authentication = new SmtpAuthentication("newsletter", null, () => "s3cret") };
        await using var transport = new SmtpTransport(endpoint, 1);
        var result = await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Blocked));
        Assert.That(result.Detail, Does.Contain("refused the credentials of smtp.username"));
    }

    [Test]
    public async Task Send_StartTlsRequiredButNotOffered_IsBlocked()
    {
        await using var server = ScriptedSmtpServer.FromFile("no-starttls.txt");
        await using var transport = new SmtpTransport(Endpoint(server.Port, SmtpSecurity.StartTls), 1);
        var result = await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Blocked), result.Detail);
    }

    [Test]
    public async Task Send_ServerSilentAfterData_IsDeferred()
    {
        await using var server = ScriptedSmtpServer.FromFile("hang-after-data.txt");
        await using var transport = new SmtpTransport(Endpoint(server.Port) with { Timeout = TimeSpan.FromSeconds(1) }, 1);
        var result = await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Deferred), result.Detail);
        Assert.That(server.Data, Has.Count.EqualTo(1), "the content reached the server once and was not sent again");
    }

    [Test]
    public async Task Send_NotAnSmtpServer_IsDeferred()
    {
        var (result, server) = await SendOnce("garbage-greeting.txt");
        await using (server)
            Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Deferred), result.Detail);
    }

    [Test]
    public async Task Send_NothingListening_IsDeferredWithTheReason()
    {
        var port = FreePort();
        await using var transport = new SmtpTransport(Endpoint(port), 1);
        var result = await transport.SendAsync(From, "reader@example.org", Message(), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Deferred));
        Assert.That(result.Detail, Is.EqualTo($"127.0.0.1:{port} refused the connection"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
