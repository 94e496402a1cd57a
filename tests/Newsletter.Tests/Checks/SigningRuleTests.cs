using Newsletter.Checks;
using Newsletter.Configuration;

namespace Newsletter.Tests.Checks;

public class SigningRuleTests
{
    private static DkimSettings Dkim(string domain) => new() { Domain = domain, Selector = "s1", PrivateKeyFile = "/keys/dkim.pem" };

    [Test]
    public void Check_NoDkim_WarnsThatTheOneClickHeadersGoUnsigned()
    {
        var finding = SigningRule.Check(null, "smtp://smtp.example.com:587", "news.example.com", "/ws/newsletter.json").Single();
        Assert.That((finding.Severity, finding.Rule), Is.EqualTo((CheckSeverity.Warning, "dkim-unsigned")));
        Assert.That(finding.Message, Does.Contain("List-Unsubscribe-Post"));
        Assert.That(SigningRule.Describe(null), Does.Contain("not DKIM-signed"));
    }

    [TestCase("outbox:outbox")]
    [TestCase("sendmail:/usr/sbin/sendmail")]
    public void Check_NoDkimWithoutAnSmtpServer_FindsNothing(string transport) =>
        Assert.That(SigningRule.Check(null, transport, "news.example.com", "/ws/newsletter.json"), Is.Empty);

    [TestCase("news.example.com")]
    [TestCase("example.com")]
    public void Check_DomainAlignedWithFrom_FindsNothing(string domain)
    {
        Assert.That(SigningRule.Check(Dkim(domain), "smtp://smtp.example.com", "news.example.com", "/ws/newsletter.json"), Is.Empty);
        Assert.That(SigningRule.Describe(Dkim(domain)), Does.Contain($"d={domain}, s=s1"));
    }

    [TestCase("other.example")]
    [TestCase("ample.com")]
    public void Check_DomainNotAligned_WarnsAboutDmarc(string domain) =>
        Assert.That(SigningRule.Check(Dkim(domain), "smtp://smtp.example.com", "news.example.com", "/ws/newsletter.json").Single().Rule, Is.EqualTo("dkim-alignment"));
}
