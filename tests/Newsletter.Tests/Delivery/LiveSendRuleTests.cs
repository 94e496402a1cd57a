using Newsletter.Checks;
using Newsletter.Configuration;
using Newsletter.Delivery;

namespace Newsletter.Tests.Delivery;

public class LiveSendRuleTests
{
    private const string RealUrl = "https://news.buildnotes.dev";
    private const string RealFrom = "Build Notes <editor@buildnotes.dev>";

    private static NewsletterSettings Settings(string baseUrl = RealUrl, string from = RealFrom, string transport = "smtp://smtp.buildnotes.dev:587") =>
        new() { BaseUrl = baseUrl, From = from, Transport = transport, ConfigFile = "/nonexistent/newsletter.json" };

    [TestCase("http://127.0.0.1:5080", "loopback")]
    [TestCase("https://127.0.0.1", "loopback")]
    [TestCase("https://localhost:8443", "loopback")]
    [TestCase("https://news.localhost", "loopback")]
    [TestCase("https://[::1]:5080", "loopback")]
    [TestCase("http://news.buildnotes.dev", "not https")]
    public void Enforce_PlaceholderBaseUrl_RefusesNamingBaseUrl(string baseUrl, string why)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => LiveSendRule.Enforce(Settings(baseUrl: baseUrl), force: false))!;
        Assert.That(error.Message, Does.Contain("'baseUrl'").And.Contain(why).And.Contain("--force").And.Contain("nothing was sent"));
    }

    [TestCase("Newsletter <newsletter@example.com>", "example.com")]
    [TestCase("news@mail.example.org", "mail.example.org")]
    [TestCase("news@example.net", "example.net")]
    [TestCase("news@shop.example", "shop.example")]
    [TestCase("news@build.test", "build.test")]
    [TestCase("news@nowhere.invalid", "nowhere.invalid")]
    [TestCase("news@box.localhost", "box.localhost")]
    public void Enforce_ReservedSender_RefusesNamingFrom(string from, string domain)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => LiveSendRule.Enforce(Settings(from: from), force: false))!;
        Assert.That(error.Message, Does.Contain("'from'").And.Contain(domain).And.Contain("RFC 2606"));
    }

    [TestCase("news@example.co.uk")]
    [TestCase("news@myexample.com")]
    [TestCase("news@testing.dev")]
    public void Enforce_RealSender_Passes(string from) =>
        Assert.DoesNotThrow(() => LiveSendRule.Enforce(Settings(from: from), force: false));

    [Test]
    public void Find_BothPlaceholders_NamesBaseUrlThenFrom() =>
        Assert.That(LiveSendRule.Find(Settings("http://127.0.0.1:5080", "newsletter@example.com")).Select(p => p.Setting),
            Is.EqualTo(new[] { "baseUrl", "from" }));

    [TestCase("smtp://127.0.0.1:2525")]
    [TestCase("sendmail:/usr/sbin/sendmail")]
    public void Enforce_Force_Passes(string transport) =>
        Assert.DoesNotThrow(() => LiveSendRule.Enforce(Settings("http://127.0.0.1:5080", "newsletter@example.com", transport), force: true));

    [Test]
    public void Enforce_Sendmail_RefusesToo() =>
        Assert.Throws<ConfigurationFileException>(() => LiveSendRule.Enforce(Settings(from: "a@example.com", transport: "sendmail:/usr/sbin/sendmail"), force: false));

    [Test]
    public void Enforce_Outbox_TakesThePlaceholders() =>
        Assert.DoesNotThrow(() => LiveSendRule.Enforce(Settings("http://127.0.0.1:5080", "newsletter@example.com", "outbox:outbox"), force: false));

    [Test]
    public void Enforce_RealSettings_Pass() => Assert.DoesNotThrow(() => LiveSendRule.Enforce(Settings(), force: false));

    [Test]
    public void PlaceholderRule_LiveTransport_WarnsPerSetting()
    {
        var findings = PlaceholderRule.Check(Settings("http://127.0.0.1:5080", "newsletter@example.com"), "/ws/newsletter.json").ToList();
        Assert.That(findings.Select(f => (f.Severity, f.Rule)), Is.All.EqualTo((CheckSeverity.Warning, "placeholder-setting")));
        Assert.That(findings.Select(f => f.Message[..f.Message.IndexOf(' ')]), Is.EqualTo(new[] { "'baseUrl'", "'from'" }));
    }

    [Test]
    public void PlaceholderRule_Outbox_FindsNothing() =>
        Assert.That(PlaceholderRule.Check(Settings("http://127.0.0.1:5080", "newsletter@example.com", "outbox:outbox"), "/ws/newsletter.json"), Is.Empty);
}
