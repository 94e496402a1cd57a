using Newsletter.Delivery;

namespace Newsletter.Tests.Delivery;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private readonly RetryPolicy _policy = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1));

    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 4)]
    [TestCase(4, 8)]
    [TestCase(5, 10)]
    [TestCase(30, 10)]
    public void NextTry_DoublesTheWaitUpToTheMaximum(int attempts, int minutes)
    {
        Assert.That(_policy.NextTry(attempts, Now, Now), Is.EqualTo(Now.AddMinutes(minutes)));
    }

    [Test]
    public void NextTry_AfterThePeriod_GivesUp()
    {
        Assert.That(_policy.NextTry(7, Now.AddMinutes(-55), Now), Is.Null);
        Assert.That(_policy.NextTry(7, Now.AddMinutes(-45), Now), Is.EqualTo(Now.AddMinutes(10)));
    }

    [Test]
    public void NextTry_FirstFailure_CountsThePeriodFromNow()
    {
        Assert.That(_policy.NextTry(1, null, Now), Is.EqualTo(Now.AddMinutes(1)));
    }
}
