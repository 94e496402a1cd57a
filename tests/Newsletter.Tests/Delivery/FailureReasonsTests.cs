using Newsletter.Delivery;

namespace Newsletter.Tests.Delivery;

public class FailureReasonsTests
{
    [TestCase("550 5.1.1 <ada@example.com>: Recipient address rejected", "550 5.1.1 <address>: Recipient address rejected")]
    [TestCase("452 4.2.2 bob@example.org mailbox full", "452 4.2.2 <address> mailbox full")]
    [TestCase("127.0.0.1:2525 refused the connection", "127.0.0.1:2525 refused the connection")]
    public void Shape_TakesAddressesOut(string reply, string shape) => Assert.That(FailureReasons.Shape(reply), Is.EqualTo(shape));

    [Test]
    public void Groups_AlikeRepliesForDifferentRecipients_AreOneGroupWithACountLargestFirst()
    {
        var reasons = new FailureReasons();
        for (var i = 0; i < 3; i++) reasons.Add(DeliveryStatus.Bounced, $"550 5.1.1 <reader{i}@example.com>: user unknown");
        reasons.Add(DeliveryStatus.Deferred, "127.0.0.1:2525 refused the connection");
        reasons.Add(DeliveryStatus.Deferred, null);
        Assert.That(reasons.Groups(), Is.EqualTo(new[]
        {
            new FailureReason("bounced", "550 5.1.1 <address>: user unknown", 3),
            new FailureReason("deferred", "127.0.0.1:2525 refused the connection", 1),
        }));
    }

    [Test]
    public void Groups_CountTakenBackToZero_IsLeftOut()
    {
        var reasons = new FailureReasons();
        reasons.Add(DeliveryStatus.Bounced, "550 Error", 2);
        reasons.Add(DeliveryStatus.Bounced, "550 Error", -2);
        Assert.That(reasons.Groups(), Is.Empty);
    }
}
