// The SMTP transport over STARTTLS and implicit TLS with AUTH, against a real aiosmtpd server on 127.0.0.1.
using Newsletter.Delivery.Messages;
using Newsletter.Delivery.Smtp;
using Newsletter.Delivery.Transports;
using Newsletter.Integration.Tests.Delivery.Messages;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery.Smtp;

[TestFixture]
[CancelAfter(60_000)]
public sealed class TlsSmtpTransportTests
{
    private TestCertificate _certificate = null!;

    [OneTimeSetUp]
    public void CreateCertificate() => _certificate = new TestCertificate();

    [OneTimeTearDown]
    public void RemoveCertificate() => _certificate.Dispose();

    private static SmtpEndpoint Endpoint(AiosmtpdServer server, SmtpSecurity security, bool trustTestCertificate = true) =>
        new("127.0.0.1", server.Port, security)
        {
            Authentication = new SmtpAuthentication("newsletter", null, () => "s3cret"),
            AllowInvalidCertificate = trustTestCertificate,
            Timeout = TimeSpan.FromSeconds(10),
        };


    private static MimeKit.MimeMessage Compose() => MessageComposerRoundTripTests.Composer().Compose(MessageComposerRoundTripTests.Email(),
        MessageComposerRoundTripTests.Reader(), "slug.42@xn--bcher-kva.example", "slug");

    [TestCase(SmtpSecurity.StartTls, false)]
    [TestCase(SmtpSecurity.Tls, true)]
    public async Task Send_TlsAndAuth_StoredByteForByteAndParsesStrictly(SmtpSecurity security, bool implicitTls)
    {
        using var server = AiosmtpdServer.Start(_certificate, implicitTls: implicitTls, auth: "newsletter:s3cret");
        await using (var transport = new SmtpTransport(Endpoint(server, security), 2))
        {
            var result = await transport.SendAsync("bounces+7@xn--bcher-kva.example", "leser@xn--r8jz45g.xn--zckzah", Compose(), CancellationToken.None);
            Assert.That(result, Is.EqualTo(TransportResult.Accepted), result.Detail);
        }
        var stored = server.Messages().Single();
        Assert.That(stored.MailFrom, Is.EqualTo("bounces+7@xn--bcher-kva.example"));
        Assert.That(stored.Recipients, Is.EqualTo(new[] { "leser@xn--r8jz45g.xn--zckzah" }));
        Assert.That(stored.MailOptions, Has.None.StartsWith("SIZE="), "the message is not measured before it is sent");
        var json = StrictParser.ParseFile(stored.Path);
        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo(MessageComposerRoundTripTests.Email().Subject));
    }

    [Test]
    public async Task Send_ManyMessagesOnTwoConnections_AllStoredOnce()
    {
        using var server = AiosmtpdServer.Start(_certificate, auth: "newsletter:s3cret");
        await using (var transport = new SmtpTransport(Endpoint(server, SmtpSecurity.StartTls), 2))
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
                transport.SendAsync("bounces@example.com", $"reader{i}@example.org", SmtpTransportScriptTests.Message($"reader{i}@example.org"), CancellationToken.None)));
            Assert.That(results, Has.All.EqualTo(TransportResult.Accepted));
        }
        Assert.That(server.Messages().SelectMany(m => m.Recipients).Order(), Is.EqualTo(Enumerable.Range(0, 40).Select(i => $"reader{i}@example.org").Order()));
    }

    [Test]
    public async Task Send_SelfSignedCertificateNotTrusted_IsBlockedAndNothingIsSent()
    {
        using var server = AiosmtpdServer.Start(_certificate, auth: "newsletter:s3cret");
        await using var transport = new SmtpTransport(Endpoint(server, SmtpSecurity.StartTls, trustTestCertificate: false), 1);
        var result = await transport.SendAsync("bounces@example.com", "reader@example.org", SmtpTransportScriptTests.Message(), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Blocked), result.Detail);
        Assert.That(result.Detail, Does.StartWith($"TLS with 127.0.0.1:{server.Port} failed"));
        Assert.That(server.Messages(), Is.Empty);
    }

    [Test]
    public async Task Send_WrongPassword_IsBlocked()
    {
        using var server = AiosmtpdServer.Start(_certificate, auth: "newsletter:other");
        await using var transport = new SmtpTransport(Endpoint(server, SmtpSecurity.StartTls), 1);
        var result = await transport.SendAsync("bounces@example.com", "reader@example.org", SmtpTransportScriptTests.Message(), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Blocked), result.Detail);
        Assert.That(result.Detail, Does.Contain("refused the credentials"));
    }
}
