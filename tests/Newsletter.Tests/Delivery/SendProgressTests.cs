using Newsletter.Delivery;

namespace Newsletter.Tests.Delivery;

public class SendProgressTests
{
    [Test]
    public void Remaining_HundredOfThreeHundredInTenSeconds_IsTwentySecondsAtTheObservedRate()
    {
        var progress = new SendProgress(Total: 300, Sent: 90, Deferred: 6, Bounced: 3, Skipped: 1, Elapsed: TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(progress.Done, Is.EqualTo(100));
            Assert.That(progress.Rate, Is.EqualTo(10).Within(1e-9));
            Assert.That(progress.Remaining, Is.EqualTo(TimeSpan.FromSeconds(20)));
        });
    }

    [TestCase(0)]
    [TestCase(4)]
    [TestCase(30)]
    public void RemainingAt_LaterOnTheSameClock_ElapsedPlusRemainingIsTheProjectedTotal(int secondsLater)
    {
        var progress = new SendProgress(400, 100, 0, 0, 0, TimeSpan.FromSeconds(10));
        var elapsed = progress.Elapsed + TimeSpan.FromSeconds(secondsLater);

        var remaining = progress.RemainingAt(elapsed)!.Value;

        // Nothing more was done, so the observed rate falls and the projected total grows with the clock.
        var projectedTotal = elapsed.TotalSeconds * progress.Total / progress.Done;
        Assert.That((elapsed + remaining).TotalSeconds, Is.EqualTo(projectedTotal).Within(1e-6));
    }

    [Test]
    public void RemainingAt_NothingDoneYet_IsUnknown()
    {
        var progress = new SendProgress(400, 0, 0, 0, 0, TimeSpan.FromSeconds(3));

        Assert.That(progress.RemainingAt(TimeSpan.FromSeconds(5)), Is.Null);
    }

    [Test]
    public void RemainingAt_AllDone_IsZero()
    {
        var progress = new SendProgress(50, 50, 0, 0, 0, TimeSpan.FromSeconds(3));

        Assert.That(progress.RemainingAt(TimeSpan.FromSeconds(3)), Is.EqualTo(TimeSpan.Zero));
    }
}
