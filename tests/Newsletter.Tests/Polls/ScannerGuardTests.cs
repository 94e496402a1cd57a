using Newsletter.Polls;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Polls;

public class ScannerGuardTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    [Test]
    public void LooksScanned_EveryOptionFetchedTogether_IsTrueForEach()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        var fetchedAt = _clock.GetUtcNow();
        for (var rating = 1; rating <= 5; rating++) guard.PageFetched(1, 7, rating);
        Assert.That(Enumerable.Range(1, 5).Select(r => guard.LooksScanned(1, 7, r, fetchedAt)), Is.All.True);
    }

    [Test]
    public void LooksScanned_OneOptionFetched_IsFalse()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        var fetchedAt = _clock.GetUtcNow();
        guard.PageFetched(1, 7, 4);
        guard.PageFetched(1, 7, 4);
        guard.PageFetched(1, 8, 2);
        guard.PageFetched(2, 7, 2);
        Assert.That(guard.LooksScanned(1, 7, 4, fetchedAt), Is.False, "the same option twice, other subscribers and issues do not count");
    }

    [Test]
    public void LooksScanned_OtherOptionLongBefore_IsFalse()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        for (var rating = 1; rating <= 5; rating++) guard.PageFetched(1, 7, rating);
        _clock.Advance(TimeSpan.FromMinutes(10));
        guard.PageFetched(1, 7, 3);
        Assert.That(guard.LooksScanned(1, 7, 3, _clock.GetUtcNow()), Is.False, "the reader clicks long after the scanner");
    }

    [Test]
    public void LooksScanned_OtherOptionFetchedWhileVoteSettles_IsTrue()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        var fetchedAt = _clock.GetUtcNow();
        guard.PageFetched(1, 7, 5);
        _clock.Advance(TimeSpan.FromSeconds(1));
        guard.PageFetched(1, 7, 1);
        Assert.That(guard.LooksScanned(1, 7, 5, fetchedAt), Is.True);
    }

    [Test]
    public void PageFetched_ManyEmailsOverTime_ForgetsOldOnes()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        for (var subscriber = 0; subscriber < 5000; subscriber++)
        {
            guard.PageFetched(1, subscriber, 1);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        guard.PageFetched(1, 1, 2);
        Assert.That(guard.LooksScanned(1, 1, 2, _clock.GetUtcNow()), Is.False, "the first fetch of subscriber 1 is 50 s old");
    }
}
