using Newsletter.Checks;
using Newsletter.Configuration;

namespace Newsletter.Tests.Checks;

public class SigningRuleTests
{
    private static DkimSettings Dkim(string domain) => new() { Domain = domain, Selector = "s1", PrivateKeyFile = "/keys/dkim.pem" };

    [Test]
    public void Check_NoDkim_WarnsThatTheOneClickHeadersGoUnsigned()
    {
        var finding = SigningRule.Check(null, "news.example.com", "/ws/newsletter.json").Single();
        Assert.That((finding.Severity, finding.Rule), Is.EqualTo((CheckSeverity.Warning, "dkim-unsigned")));
        Assert.That(finding.Message, Does.Contain("List-Unsubscribe-Post"));
        Assert.That(SigningRule.Describe(null), Does.Contain("not DKIM-signed"));
    }

    [TestCase("news.example.com")]
    [TestCase("example.com")]
    public void Check_DomainAlignedWithFrom_FindsNothing(string domain)
    {
        Assert.That(SigningRule.Check(Dkim(domain), "news.example.com", "/ws/newsletter.json"), Is.Empty);
        Assert.That(SigningRule.Describe(Dkim(domain)), Does.Contain($"d={domain}, s=s1"));
    }

    [TestCase("other.example")]
    [TestCase("ample.com")]
    public void Check_DomainNotAligned_WarnsAboutDmarc(string domain) =>
        Assert.That(SigningRule.Check(Dkim(domain), "news.example.com", "/ws/newsletter.json").Single().Rule, Is.EqualTo("dkim-alignment"));
}
