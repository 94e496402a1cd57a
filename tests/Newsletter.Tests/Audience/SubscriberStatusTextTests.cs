using Newsletter.Audience;

namespace Newsletter.Tests.Audience;

public class SubscriberStatusTextTests
{
    [TestCase("active", SubscriberStatus.Active)]
    [TestCase(" Bounced ", SubscriberStatus.Bounced)]
    [TestCase("COMPLAINED", SubscriberStatus.Complained)]
    public void TryParse_StatusName_AnyCase_IsThatStatus(string text, SubscriberStatus expected)
    {
        Assert.That(SubscriberStatusText.TryParse(text, out var status), Is.True);
        Assert.That(status, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("1")]
    [TestCase("active,bounced")]
    [TestCase("gone")]
    public void TryParse_NotAStatusName_IsFalse(string text) =>
        Assert.That(SubscriberStatusText.TryParse(text, out _), Is.False);
}
