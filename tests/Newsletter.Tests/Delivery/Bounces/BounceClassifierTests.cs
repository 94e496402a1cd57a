using Newsletter.Delivery.Bounces;

using Newsletter.Delivery;

namespace Newsletter.Tests.Delivery.Bounces;

public class BounceClassifierTests
{
    [TestCase("5.1.1", "550 5.1.1 <a@example.com>: Recipient address rejected", BounceKind.HardBounce)]
    [TestCase("5.2.1", "550 5.2.1 The email account that you tried to reach is disabled", BounceKind.HardBounce)]
    [TestCase("5.2.1", "550 5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages", BounceKind.SoftBounce)]
    [TestCase("5.2.2", "552 5.2.2 Mailbox full", BounceKind.SoftBounce)]
    [TestCase("5.1.8", "501 5.1.8 Sender address rejected", BounceKind.SoftBounce)]
    [TestCase("5.7.1", "554 5.7.1 Relay access denied", BounceKind.SoftBounce)]
    [TestCase("5.7.1", "550 5.7.1 <a@example.com>: Recipient address rejected: User unknown", BounceKind.HardBounce)]
    [TestCase("5.5.0", "550 Unknown user a@example.com (#5.5.0)", BounceKind.HardBounce)]
    [TestCase("4.1.1", "450 4.1.1 User unknown in virtual alias table", BounceKind.SoftBounce)]
    [TestCase("5.0.0", "550 Mailbox quota exceeded", BounceKind.SoftBounce)]
    [TestCase("5.0.0", "550 No such user here", BounceKind.HardBounce)]
    [TestCase("5.0.0", "554 Message rejected as spam", BounceKind.SoftBounce)]
    [TestCase("5.0.0", "550 Rejected", BounceKind.HardBounce)]
    public void Classify_CodeAndDiagnostic_FollowsTheDocumentedRule(string code, string diagnostic, BounceKind expected)
    {
        Assert.That(EnhancedStatusCode.TryParse(code, out var parsed), Is.True);
        Assert.That(BounceClassifier.Classify(parsed, ReportTextReply(diagnostic), diagnostic), Is.EqualTo(expected));
    }

    [Test]
    public void Classify_DelayNotice_IsSoftWhateverTheCode()
    {
        EnhancedStatusCode.TryParse("5.1.1", out var code);
        Assert.That(BounceClassifier.Classify(code, 550, "User unknown", delayed: true), Is.EqualTo(BounceKind.SoftBounce));
    }

    [TestCase("Sorry, no mailbox here by that name.", BounceKind.HardBounce)]
    [TestCase("mailbox is full: retry timeout exceeded", BounceKind.SoftBounce)]
    [TestCase("Connection timed out", BounceKind.SoftBounce)]
    public void Classify_NoCode_GoesByPhrase(string text, BounceKind expected) =>
        Assert.That(BounceClassifier.Classify(null, null, text), Is.EqualTo(expected));

    [Test]
    public void AboutSender_DiagnosticNamingOnlyTheSendersDomain_IsTrue()
    {
        Assert.That(BounceClassifier.AboutSender("553 news.example.com does not exist", "ada@example.org", ["editor@news.example.com"]), Is.True);
        Assert.That(BounceClassifier.AboutSender("550 <ada@example.org> does not exist at news.example.com", "ada@example.org", ["editor@news.example.com"]), Is.False);
        Assert.That(BounceClassifier.AboutSender("550 <user@news.example.com> unknown", "ada@example.org", ["editor@news.example.com"]), Is.False);
    }

    [TestCase("550 5.1.1 <a@example.com> User unknown", "5.1.1")]
    [TestCase("5.1.0 - Unknown address error 550-'5.2.2 <a@example.com>... Mailbox Full'", "5.2.2")]
    [TestCase("Sorry, no mailbox here by that name. (#5.1.1)", "5.1.1")]
    [TestCase("host 192.0.2.25 said 550 Access denied", null)]
    [TestCase("deferred - 4.16.55.1; see the help page", null)]
    public void FindIn_Text_GivesTheRemoteServersCode(string text, string? expected) =>
        Assert.That(EnhancedStatusCode.FindIn(text)?.ToString(), Is.EqualTo(expected));

    private static int? ReportTextReply(string diagnostic) =>
        int.TryParse(diagnostic.AsSpan(0, 3), out var reply) && reply >= 400 ? reply : null;
}
