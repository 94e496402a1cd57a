using System.Diagnostics;
using Newsletter.Delivery;

namespace Newsletter.Tests.Delivery;

public class SendPacerTests
{
    [Test]
    public void Rate_WithoutLimit_IsUnlimited()
    {
        Assert.That(new SendPacer(0).Rate, Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Throttled_HalvesTheRateAndAcceptedRaisesItBackToTheLimit()
    {
        var pacer = new SendPacer(100);
        pacer.Throttled();
        Assert.That(pacer.Rate, Is.EqualTo(50));
        for (var i = 0; i < 200; i++) pacer.Accepted();
        Assert.That(pacer.Rate, Is.EqualTo(100));
    }

    [Test]
    public void Share_SplitsTheLimitAmongWorkersAndGivesItBackWhenTheyLeave()
    {
        var pacer = new SendPacer(90);
        pacer.Share(3);
        Assert.That(pacer.Rate, Is.EqualTo(30));
        pacer.Throttled();
        Assert.That(pacer.Rate, Is.EqualTo(15));
        pacer.Share(1);
        Assert.That(pacer.Rate, Is.EqualTo(45), "still half of the share after the others left");
        for (var i = 0; i < 200; i++) pacer.Accepted();
        Assert.That(pacer.Rate, Is.EqualTo(90));
    }

    [Test]
    public void Share_WithoutLimit_StaysUnlimited()
    {
        var pacer = new SendPacer(0);
        pacer.Share(4);
        Assert.That(pacer.Rate, Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Throttled_NeverGoesBelowHalfAMessagePerSecond()
    {
        var pacer = new SendPacer(1);
        for (var i = 0; i < 10; i++) pacer.Throttled();
        Assert.That(pacer.Rate, Is.EqualTo(0.5));
    }

    [Test]
    public async Task WaitAsync_SpacesHandOversAtTheRate()
    {
        var pacer = new SendPacer(20);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++) await pacer.WaitAsync(CancellationToken.None);
        // Six turns at 20 per second: the sixth starts 250 ms after the first.
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240)));
    }
}
