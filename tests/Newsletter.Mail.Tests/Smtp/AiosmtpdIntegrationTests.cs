// Integration: the client and pool against a real SMTP server (aiosmtpd) with STARTTLS, implicit TLS and AUTH.
using System.Text;
using Newsletter.Mail.Mime;
using Newsletter.Mail.Smtp;
using Newsletter.Mail.Tests.Mime;
using Newsletter.Mail.Tests.Support;

namespace Newsletter.Mail.Tests.Smtp;

[TestFixture]
[NonParallelizable]
[CancelAfter(60_000)]
public sealed class AiosmtpdIntegrationTests
{
    private const string User = "newsletter";
    private const string Password = "pä55 wörd";
    private TestCertificate _certificate = null!;
    private AiosmtpdServer _startTls = null!;
    private AiosmtpdServer _implicitTls = null!;

    [OneTimeSetUp]
    public void StartServers()
    {
        _certificate = new TestCertificate();
        _startTls = AiosmtpdServer.Start(_certificate, auth: $"{User}:{Password}");
        _implicitTls = AiosmtpdServer.Start(_certificate, implicitTls: true, auth: $"{User}:{Password}");
    }

    [OneTimeTearDown]
    public void StopServers()
    {
        _startTls?.Dispose();
        _implicitTls?.Dispose();
        _certificate?.Dispose();
    }

    private SmtpClientOptions Options(AiosmtpdServer server, SmtpSecurity security) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = security,
        UserName = User,
        Password = Password,
        LocalDomain = "client.test.local",
        Timeout = TimeSpan.FromSeconds(10),
        CheckCertificateRevocation = false,
        CertificateValidation = _certificate.Pin,
    };

    [Test]
    public async Task Send_StartTlsAndAuth_MessageStoredAndParsesStrictly()
    {
        var message = MimeRoundTripTests.International();
        byte[] bytes = MimeWriter.ToBytes(message);
        await using var client = new SmtpClient(Options(_startTls, SmtpSecurity.StartTls));
        await client.ConnectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(client.IsEncrypted, Is.True);
            Assert.That(client.IsAuthenticated, Is.True);
            Assert.That(client.Capabilities.SmtpUtf8, Is.True);
        });

        string marker = "starttls-" + Guid.NewGuid().ToString("N")[..8];
        var result = await client.SendAsync($"bounces+{marker}@bücher.example", ["leser@例え.テスト", "plain@example.org"], bytes);
        await client.DisconnectAsync();

        Assert.That(result.AllRecipientsAccepted, Is.True, () => string.Join(" | ", result.Recipients.Select(r => r.Reply)) + " / " + result.MailFromReply + " / " + result.DataReply);
        var stored = _startTls.Messages().Single(m => m.MailFrom.Contains(marker));
        Assert.That(stored.MailFrom, Is.EqualTo($"bounces+{marker}@xn--bcher-kva.example"));
        Assert.That(stored.Recipients, Is.EqualTo(new[] { "leser@xn--r8jz45g.xn--zckzah", "plain@example.org" }));
        Assert.That(File.ReadAllBytes(stored.Path), Is.EqualTo(bytes), "The server must receive the exact bytes (dot-stuffing undone).");

        var json = StrictParser.ParseFile(stored.Path);
        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo(message.Subject));
        Assert.That(json.GetProperty("to")[0].GetProperty("display_name").GetString(), Is.EqualTo("山田 太郎"));
        var text = json.GetProperty("structure").GetProperty("children")[0].GetProperty("text").GetString();
        Assert.That(text, Is.EqualTo(message.TextBody));
    }

    [Test]
    public async Task Send_ImplicitTlsAndAuth_MessageStored()
    {
        await using var client = new SmtpClient(Options(_implicitTls, SmtpSecurity.Tls));
        await client.ConnectAsync();
        Assert.That(client.IsEncrypted, Is.True);
        string marker = "tls-" + Guid.NewGuid().ToString("N")[..8];
        var message = Encoding.ASCII.GetBytes($"Subject: {marker}\r\nMessage-ID: <{marker}@x>\r\n\r\n.\r\n..two dots\r\n.");
        var result = await client.SendAsync($"{marker}@example.com", ["reader@example.org"], message);
        await client.DisconnectAsync();

        Assert.That(result.Accepted, Is.True);
        var stored = _implicitTls.Messages().Single(m => m.MailFrom.StartsWith(marker, StringComparison.Ordinal));
        Assert.That(File.ReadAllText(stored.Path), Is.EqualTo($"Subject: {marker}\r\nMessage-ID: <{marker}@x>\r\n\r\n.\r\n..two dots\r\n.\r\n"));
    }

    [Test]
    public async Task Send_ManyMessagesOnOneConnection_AllStored()
    {
        await using var client = new SmtpClient(Options(_startTls, SmtpSecurity.StartTls));
        await client.ConnectAsync();
        string marker = "many-" + Guid.NewGuid().ToString("N")[..8];
        for (int i = 0; i < 20; i++)
        {
            var result = await client.SendAsync($"{marker}@example.com", [$"r{i}@example.org"], Encoding.ASCII.GetBytes($"Subject: {i}\r\n\r\nBody {i}\r\n"));
            Assert.That(result.Accepted, Is.True);
        }

        await client.DisconnectAsync();
        Assert.That(_startTls.Messages().Count(m => m.MailFrom.StartsWith(marker, StringComparison.Ordinal)), Is.EqualTo(20));
    }

    [Test]
    public void Connect_SelfSignedCertificateWithDefaultValidation_ThrowsTlsFailed()
    {
        var options = Options(_startTls, SmtpSecurity.StartTls);
        options.CertificateValidation = null;
        var client = new SmtpClient(options);
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.TlsFailed));
        Assert.That(client.IsConnected, Is.False);
    }

    [Test]
    public void Connect_WrongPassword_ThrowsAuthenticationFailed()
    {
        var options = Options(_implicitTls, SmtpSecurity.Tls);
        options.Password = "wrong";
        var client = new SmtpClient(options);
        var ex = Assert.ThrowsAsync<SmtpException>(() => client.ConnectAsync());
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.AuthenticationFailed));
        Assert.That(ex.Reply!.Code, Is.EqualTo(535));
    }

    [Test]
    public async Task Pool_ConcurrentSendsOnFourConnections_AllStored()
    {
        await using var pool = new SmtpConnectionPool(Options(_startTls, SmtpSecurity.StartTls), 4);
        string marker = "pool-" + Guid.NewGuid().ToString("N")[..8];
        var message = MimeWriter.ToBytes(MimeRoundTripTests.International());
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            pool.SendAsync($"{marker}@example.com", [$"reader{i}@example.org"], message)));
        Assert.That(results.All(r => r.Accepted), Is.True);
        Assert.That(pool.IdleConnections, Is.LessThanOrEqualTo(4));
        var stored = _startTls.Messages().Where(m => m.MailFrom.StartsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.That(stored.Select(s => s.Recipients.Single()), Is.EquivalentTo(Enumerable.Range(0, 60).Select(i => $"reader{i}@example.org")));
    }

    [Test]
    public async Task Send_NonAsciiLocalPartAndEightBitBody_UsesSmtpUtf8Size8BitMime()
    {
        await using var client = new SmtpClient(Options(_startTls, SmtpSecurity.StartTls));
        await client.ConnectAsync();
        Assert.That(client.Capabilities.EightBitMime, Is.True);
        string marker = "utf8-" + Guid.NewGuid().ToString("N")[..8];
        byte[] message = Encoding.UTF8.GetBytes($"Subject: {marker}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n");
        var result = await client.SendAsync($"{marker}@example.com", ["jösé@bücher.example"], message);
        await client.DisconnectAsync();

        Assert.That(result.Accepted, Is.True);
        var stored = _startTls.Messages().Single(m => m.MailFrom.StartsWith(marker, StringComparison.Ordinal));
        Assert.That(stored.Recipients, Is.EqualTo(new[] { "jösé@bücher.example" }));
        Assert.That(stored.MailOptions, Does.Contain("SMTPUTF8"));
        Assert.That(stored.MailOptions, Does.Contain("BODY=8BITMIME"));
        Assert.That(stored.MailOptions, Does.Contain($"SIZE={message.Length}"));
        Assert.That(File.ReadAllBytes(stored.Path), Is.EqualTo(message));
    }

    [Test]
    public async Task Send_CancelledMidSession_ClosesConnection()
    {
        await using var client = new SmtpClient(Options(_startTls, SmtpSecurity.StartTls));
        await client.ConnectAsync();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.CatchAsync<OperationCanceledException>(() => client.SendAsync("a@example.com", ["b@example.org"], new byte[] { 65 }, cts.Token));
        Assert.That(client.IsConnected, Is.False);
        Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync("a@example.com", ["b@example.org"], new byte[] { 65 }));
    }
}
