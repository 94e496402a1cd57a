using Newsletter.Configuration;
using Newsletter.Delivery.Smtp;
using Newsletter.Delivery.Transports;

namespace Newsletter.Tests.Delivery.Transports;

public class TransportFactoryTests
{
    private const string Config = "/ws/newsletter.json";

    private static string ErrorOf(string transport, SmtpSettings? smtp = null) =>
        Assert.Throws<ConfigurationFileException>(() => TransportFactory.Endpoint(transport, smtp ?? new SmtpSettings(), Config))!.Message;

    [TestCase("smtp://")]
    [TestCase("smtp:///path")]
    [TestCase("smtp://host:587/extra")]
    public void Endpoint_NoHost_NamesTheTransportSetting(string transport) =>
        Assert.That(ErrorOf(transport), Does.Contain("'transport'").And.Contain("is not an SMTP server address"));

    [Test]
    public void Endpoint_MisspeltSecurity_NamesTheSettingAndTheChoices() =>
        Assert.That(ErrorOf("smtp://smtp.example.com:587", new SmtpSettings { Security = "startls" }),
            Does.Contain("'smtp.security' must be none, starttls or tls, not 'startls'"));

    [Test]
    public void Endpoint_CredentialsOverPlainTcpToAnotherHost_AreRefused() =>
        Assert.That(ErrorOf("smtp://smtp.example.com:25", new SmtpSettings { Security = "none", Username = "news" }),
            Does.Contain("credentials would cross the network unencrypted"));

    [Test]
    public void Endpoint_OAuthWithoutToken_SaysWhereTheTokenGoes()
    {
        Environment.SetEnvironmentVariable(TransportFactory.OAuthTokenVariable, null);
        Assert.That(ErrorOf("smtp://smtp.gmail.com:587", new SmtpSettings { Username = "news@example.com", Auth = "xoauth2" }),
            Does.Contain(TransportFactory.OAuthTokenVariable).And.Contain("smtp.oauthTokenFile"));
    }

    [Test]
    public void Endpoint_ImplicitTlsWithoutPort_Uses465AndReadsTheSmtpSection()
    {
        var endpoint = TransportFactory.Endpoint("smtp://smtp.example.com", new SmtpSettings { Security = "tls", Username = "news", Auth = "scram-sha-256", TimeoutSeconds = 7 }, Config);
        Assert.That((endpoint.Host, endpoint.Port, endpoint.Security), Is.EqualTo(("smtp.example.com", 465, SmtpSecurity.Tls)));
        Assert.That(endpoint.Authentication!.Mechanism, Is.EqualTo("SCRAM-SHA-256"));
        Assert.That(endpoint.Timeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void Endpoint_LoopbackRelayWithCredentialsOverPlainTcp_IsAllowed() =>
        Assert.That(TransportFactory.Endpoint("smtp://127.0.0.1:2525", new SmtpSettings { Security = "none", Username = "news" }, Config).Authentication, Is.Not.Null);
}
