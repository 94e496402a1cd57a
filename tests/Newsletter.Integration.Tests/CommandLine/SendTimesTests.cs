using Newsletter.Cli.Commands;
using Newsletter.Delivery;

namespace Newsletter.Integration.Tests.CommandLine;

public class SendTimesTests
{
    [Test]
    public void Describe_ThirdDoneAfterOneMinute_TwoMinutesLeft()
    {
        var progress = new SendProgress(300, 100, 0, 0, 0, TimeSpan.FromMinutes(1));

        Assert.That(SendTimes.Describe(progress, progress.Elapsed), Is.EqualTo("0:01:00 elapsed, about 0:02:00 left"));
    }

    [Test]
    public void Describe_NothingDoneYet_OnlyElapsed()
    {
        Assert.That(SendTimes.Describe(new SendProgress(300, 0, 0, 0, 0, TimeSpan.FromSeconds(2)), TimeSpan.FromSeconds(2)), Is.EqualTo("0:00:02 elapsed"));
    }

    [Test]
    public void LatestProgress_ReportsOutOfOrder_KeepsTheNewest()
    {
        var time = new SteppedTime();
        var latest = new LatestProgress(time);
        var newer = new SendProgress(10, 5, 0, 0, 0, TimeSpan.FromSeconds(5));
        var older = new SendProgress(10, 4, 0, 0, 0, TimeSpan.FromSeconds(4));
        var changes = 0;
        latest.Changed += _ => changes++;

        latest.Report(newer);
        latest.Report(older);

        Assert.Multiple(() =>
        {
            Assert.That(latest.Now()!.Value.Snapshot, Is.SameAs(newer));
            Assert.That(changes, Is.EqualTo(1));
        });
    }

    [Test]
    public void LatestProgress_TimePassesWithoutSnapshots_ElapsedTicksOnFromTheSnapshot()
    {
        var time = new SteppedTime();
        var latest = new LatestProgress(time);
        latest.Report(new SendProgress(10, 5, 0, 0, 0, TimeSpan.FromSeconds(5)));

        time.Advance(TimeSpan.FromSeconds(3));

        var now = latest.Now()!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(now.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(SendTimes.Describe(now.Snapshot, now.Elapsed), Is.EqualTo("0:00:08 elapsed, about 0:00:08 left"));
        });
    }

    // Timestamps move only when the test says so.
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
