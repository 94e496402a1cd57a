// Protocol tests: the client against recorded server conversations replayed by a scripted loopback server.
using System.Text;
using Newsletter.Mail.Smtp;
using Newsletter.Mail.Tests.Support;

namespace Newsletter.Mail.Tests.Smtp;

[TestFixture]
[CancelAfter(30_000)]
public sealed class SmtpClientScriptTests
{
    private const string From = "bounces@news.example.test";
    private static readonly byte[] Message = Encoding.ASCII.GetBytes("Subject: test\r\n\r\nHello reader\r\n.leading dot\r\n");

    internal static SmtpClientOptions Options(int port, SmtpSecurity security = SmtpSecurity.None) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = security,
        LocalDomain = "client.example.test",
        Timeout = TimeSpan.FromSeconds(5),
    };

    [Test]
    public async Task Send_PipeliningServer_SendsMailRcptDataInOneBatch()
    {
        await using var server = ScriptedSmtpServer.FromFile("pipelined-send.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        Assert.That(client.Capabilities.Pipelining, Is.True);
        Assert.That(Message, Has.Length.EqualTo(45), "The script expects SIZE=45.");

        var result = await client.SendAsync(From, ["reader@example.org"], Message);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.Accepted, Is.True);
        Assert.That(result.DataReply!.Code, Is.EqualTo(250));
        Assert.That(result.DataReply.EnhancedCode, Is.EqualTo("2.0.0"));
        Assert.That(result.DataReply.Text, Is.EqualTo("Ok: queued as 4711"));
        Assert.That(result.Recipients.Single().Reply.EnhancedCode, Is.EqualTo("2.1.5"));
        Assert.That(result.Classification, Is.EqualTo(SmtpReplyClass.Success));
    }

    [Test]
    public async Task Send_ServerWithoutPipelining_SendsCommandsOneByOneWithDotStuffing()
    {
        await using var server = ScriptedSmtpServer.FromFile("sequential-send.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var result = await client.SendAsync(From, ["reader@example.org"], Message);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.Accepted, Is.True);
        Assert.That(server.Data.Single(), Is.EqualTo("Subject: test\r\n\r\nHello reader\r\n..leading dot\r\n"));
    }

    [Test]
    public async Task Send_BareLineFeedsAndDots_AreNormalisedAndStuffed()
    {
        await using var server = ScriptedSmtpServer.FromFile("sequential-send.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var raw = Encoding.ASCII.GetBytes(".\nSubject: x\n\n.\r\n..\rend.\n.");
        var result = await client.SendAsync(From, ["reader@example.org"], raw);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.Accepted, Is.True);
        Assert.That(server.Data.Single(), Is.EqualTo("..\r\nSubject: x\r\n\r\n..\r\n...\r\nend.\r\n..\r\n"));
    }

    [Test]
    public async Task Send_RepliesTrickledOctetByOctet_ParsedIncludingSplitUtf8()
    {
        await using var server = ScriptedSmtpServer.FromFile("trickled-replies.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var result = await client.SendAsync(From, ["reader@example.org"], Message);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.MailFromReply.Text, Is.EqualTo("Absender in Ordnung ✓"));
        Assert.That(result.Recipients.Single().Reply.Text, Is.EqualTo("Empfänger unbekannt"));
        Assert.That(result.Classification, Is.EqualTo(SmtpReplyClass.PermanentFailure));
    }

    [Test]
    public async Task Connect_EhloRefused_FallsBackToHelo()
    {
        await using var server = ScriptedSmtpServer.FromFile("helo-fallback.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        Assert.That(client.Capabilities.Extended, Is.False);
        var result = await client.SendAsync(From, ["reader@example.org"], Message);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.Accepted, Is.True);
    }

    [Test]
    public async Task Connect_MultilineReplies_ParsesEveryCapability()
    {
        await using var server = ScriptedSmtpServer.FromFile("multiline-replies.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var caps = client.Capabilities;
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.Multiple(() =>
        {
            Assert.That(caps.Pipelining, Is.True);
            Assert.That(caps.Size, Is.True);
            Assert.That(caps.MaxSize, Is.Zero);
            Assert.That(caps.StartTls, Is.True);
            Assert.That(caps.SmtpUtf8, Is.True);
            Assert.That(caps.EnhancedStatusCodes, Is.True);
            Assert.That(caps.EightBitMime, Is.False);
            Assert.That(caps.AuthMechanisms, Is.EquivalentTo(new[] { "LOGIN", "PLAIN", "CRAM-MD5" }));
        });
    }

    [Test]
    public async Task Send_RecipientRejected_ReturnsPermanentFailureForThatRecipientOnly()
    {
        await using var server = ScriptedSmtpServer.FromFile("rejected-recipient.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var result = await client.SendAsync(From, ["nobody@example.org", "reader@example.org"], Message);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.Accepted, Is.True);
        Assert.That(result.AllRecipientsAccepted, Is.False);
        var rejected = result.RejectedRecipients.Single();
        Assert.That(rejected.Recipient, Is.EqualTo("nobody@example.org"));
        Assert.That(rejected.Reply.Code, Is.EqualTo(550));
        Assert.That(rejected.Reply.EnhancedCode, Is.EqualTo("5.1.1"));
        Assert.That(rejected.Reply.Text, Does.Contain("does not exist.\nPlease check"));
        Assert.That(SmtpReplyClassifier.Classify(rejected.Reply), Is.EqualTo(SmtpReplyClass.PermanentFailure));
    }

    [Test]
    public async Task Send_RecipientRejected_ReturnsPermanentFailure()
    {
        await using var server = ScriptedSmtpServer.FromFile("all-rejected.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var first = await client.SendAsync(From, ["nobody@example.org"], Message);
        Assert.That(client.IsConnected, Is.True, "A refused recipient must not cost the connection.");
        var second = await client.SendAsync(From, ["reader@example.org"], Message);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(first.Accepted, Is.False);
        Assert.That(first.DataReply, Is.Null);
        Assert.That(first.Classification, Is.EqualTo(SmtpReplyClass.PermanentFailure));
        Assert.That(second.Accepted, Is.True);
    }

    [Test]
    public async Task Send_DataRefusedTransiently_ResetsAndReportsThrottled()
    {
        await using var server = ScriptedSmtpServer.FromFile("data-rejected.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var result = await client.SendAsync(From, ["reader@example.org"], Message);
        Assert.That(client.IsConnected, Is.True);
        await client.DisconnectAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.Accepted, Is.False);
        Assert.That(result.DataReply!.Code, Is.EqualTo(451));
        Assert.That(result.Classification, Is.EqualTo(SmtpReplyClass.Throttled));
    }

    [Test]
    public async Task Send_ServerClosesWith421_ThrowsTransientAndDisconnects()
    {
        await using var server = ScriptedSmtpServer.FromFile("closing-421.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.SendAsync(From, ["reader@example.org"], Message));
        await server.AssertCompletedAsync();

        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.TransientReply));
        Assert.That(ex.Reply!.Code, Is.EqualTo(421));
        Assert.That(SmtpReplyClassifier.Classify(ex), Is.EqualTo(SmtpReplyClass.Throttled));
        Assert.That(client.IsConnected, Is.False);
    }

    [Test]
    public async Task Connect_AuthPlain_SendsInitialResponse()
    {
        await using var server = ScriptedSmtpServer.FromFile("auth-plain.txt");
        var options = Options(server.Port);
        options.UserName = "newsletter";
        options.Password = "s3cret";
        options.AllowAuthenticationWithoutTls = true;
        await using var client = new SmtpClient(options);
        await client.ConnectAsync();
        Assert.That(client.IsAuthenticated, Is.True);
        await client.DisconnectAsync();
        await server.AssertCompletedAsync();
    }

    [Test]
    public async Task Connect_AuthLoginOnly_UsesLoginMechanism()
    {
        await using var server = ScriptedSmtpServer.FromFile("auth-login.txt");
        var options = Options(server.Port);
        options.UserName = "newsletter";
        options.Password = "s3cret";
        options.AllowAuthenticationWithoutTls = true;
        await using var client = new SmtpClient(options);
        await client.ConnectAsync();
        Assert.That(client.IsAuthenticated, Is.True);
        await client.DisconnectAsync();
        await server.AssertCompletedAsync();
    }

    [Test]
    public async Task Connect_WrongCredentials_ThrowsAuthenticationFailedWithoutPassword()
    {
        await using var server = ScriptedSmtpServer.FromFile("auth-failed.txt");
        var options = Options(server.Port);
        options.UserName = "newsletter";
        options.Password = "s3cret";
        options.AllowAuthenticationWithoutTls = true;
        await using var client = new SmtpClient(options);
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        await server.AssertCompletedAsync();

        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.AuthenticationFailed));
        Assert.That(ex.Reply!.EnhancedCode, Is.EqualTo("5.7.8"));
        Assert.That(ex.Message, Does.Not.Contain("s3cret"));
        Assert.That(client.IsConnected, Is.False);
    }

    [Test]
    public async Task Connect_CredentialsWithoutTls_RefusesToAuthenticate()
    {
        await using var server = ScriptedSmtpServer.FromFile("auth-failed.txt");
        var options = Options(server.Port);
        options.UserName = "newsletter";
        options.Password = "s3cret";
        await using var client = new SmtpClient(options);
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.NotSupported));
    }

    [Test]
    public async Task Connect_GreetingRefused_ThrowsPermanentReply()
    {
        await using var server = ScriptedSmtpServer.FromFile("greeting-refused.txt");
        await using var client = new SmtpClient(Options(server.Port));
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.PermanentReply));
        Assert.That(ex.Reply!.Code, Is.EqualTo(554));
    }

    [Test]
    public async Task Send_MessageOverAnnouncedSize_ThrowsBeforeSending()
    {
        await using var server = ScriptedSmtpServer.FromFile("size-limit.txt");
        await using var client = new SmtpClient(Options(server.Port));
        await client.ConnectAsync();
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.SendAsync(From, ["reader@example.org"], new byte[101]));
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.MessageTooLarge));
        Assert.That(client.IsConnected, Is.True);
        await client.DisconnectAsync();
        await server.AssertCompletedAsync();
    }

    [Test]
    public async Task Connect_StartTlsRequiredButNotOffered_ThrowsNotSupported()
    {
        await using var server = ScriptedSmtpServer.FromFile("no-starttls.txt");
        await using var client = new SmtpClient(Options(server.Port, SmtpSecurity.StartTls));
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.NotSupported));
    }

    [Test]
    public async Task Connect_DataInjectedAfterStartTls_ThrowsProtocolError()
    {
        await using var server = ScriptedSmtpServer.FromFile("starttls-injection.txt");
        await using var client = new SmtpClient(Options(server.Port, SmtpSecurity.StartTls));
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.ProtocolError));
        Assert.That(client.IsConnected, Is.False);
    }

    [Test]
    public async Task Connect_ServerNeverGreets_TimesOut()
    {
        await using var server = ScriptedSmtpServer.FromFile("silent-server.txt");
        var options = Options(server.Port);
        options.Timeout = TimeSpan.FromMilliseconds(300);
        await using var client = new SmtpClient(options);
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.Timeout));
        Assert.That(SmtpReplyClassifier.Classify(ex), Is.EqualTo(SmtpReplyClass.ConnectionLost));
    }

    [Test]
    public async Task Send_FinalReplyNeverComes_TimesOutAndDisconnects()
    {
        await using var server = ScriptedSmtpServer.FromFile("hang-after-data.txt");
        var options = Options(server.Port);
        options.Timeout = TimeSpan.FromMilliseconds(500);
        await using var client = new SmtpClient(options);
        await client.ConnectAsync();
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.SendAsync(From, ["reader@example.org"], Message));
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.Timeout));
        Assert.That(client.IsConnected, Is.False);
    }

    [Test]
    public async Task Send_ServerStopsReading_WriteTimesOut()
    {
        await using var server = ScriptedSmtpServer.FromFile("hang-before-data.txt");
        var options = Options(server.Port);
        options.Timeout = TimeSpan.FromMilliseconds(500);
        await using var client = new SmtpClient(options);
        await client.ConnectAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.SendAsync(From, ["reader@example.org"], new byte[64 * 1024 * 1024]));
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.Timeout));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(client.IsConnected, Is.False);
    }

    [Test]
    public async Task Connect_NotAnSmtpServer_ThrowsProtocolError()
    {
        await using var server = ScriptedSmtpServer.FromFile("garbage-greeting.txt");
        await using var client = new SmtpClient(Options(server.Port));
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.ProtocolError));
    }

    [Test]
    public void Connect_NothingListening_ThrowsConnectionFailed()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new SmtpClient(Options(port));
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.ConnectionFailed));
    }

    [Test]
    public async Task Pool_ServerClosesWith421_ReconnectsAndRetriesOnce()
    {
        await using var server = ScriptedSmtpServer.FromFile("pool-reconnect.txt");
        var pool = new SmtpConnectionPool(Options(server.Port), 1);
        var result = await pool.SendAsync(From, ["reader@example.org"], Message);
        await pool.DisposeAsync();

        await server.AssertCompletedAsync();
        Assert.That(result.Accepted, Is.True);
    }
}
