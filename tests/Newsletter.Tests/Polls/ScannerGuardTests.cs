using Newsletter.Polls;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Polls;

public class ScannerGuardTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task LooksScanned_EveryOptionFetchedTogether_IsTrueForEach()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        var fetchedAt = _clock.GetUtcNow();
        for (var rating = 1; rating <= 5; rating++) await guard.PageFetchedAsync(1, 7, rating);
        var scanned = new List<bool>();
        for (var rating = 1; rating <= 5; rating++) scanned.Add(await guard.LooksScannedAsync(1, 7, rating, fetchedAt));
        Assert.That(scanned, Is.All.True);
    }

    [Test]
    public async Task LooksScanned_OneOptionFetched_IsFalse()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        var fetchedAt = _clock.GetUtcNow();
        await guard.PageFetchedAsync(1, 7, 4);
        await guard.PageFetchedAsync(1, 7, 4);
        await guard.PageFetchedAsync(1, 8, 2);
        await guard.PageFetchedAsync(2, 7, 2);
        Assert.That(await guard.LooksScannedAsync(1, 7, 4, fetchedAt), Is.False, "the same option twice, other subscribers and issues do not count");
    }

    [Test]
    public async Task LooksScanned_OtherOptionLongBefore_IsFalse()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        for (var rating = 1; rating <= 5; rating++) await guard.PageFetchedAsync(1, 7, rating);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await guard.PageFetchedAsync(1, 7, 3);
        Assert.That(await guard.LooksScannedAsync(1, 7, 3, _clock.GetUtcNow()), Is.False, "the reader clicks long after the scanner");
    }

    [Test]
    public async Task LooksScanned_OtherOptionFetchedWhileVoteSettles_IsTrue()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        var fetchedAt = _clock.GetUtcNow();
        await guard.PageFetchedAsync(1, 7, 5);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await guard.PageFetchedAsync(1, 7, 1);
        Assert.That(await guard.LooksScannedAsync(1, 7, 5, fetchedAt), Is.True);
    }

    [Test]
    public async Task PageFetched_ManyEmailsOverTime_ForgetsOldOnes()
    {
        var guard = new ScannerGuard(_clock, TimeSpan.FromSeconds(15));
        for (var subscriber = 0; subscriber < 5000; subscriber++)
        {
            await guard.PageFetchedAsync(1, subscriber, 1);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        await guard.PageFetchedAsync(1, 1, 2);
        Assert.That(await guard.LooksScannedAsync(1, 1, 2, _clock.GetUtcNow()), Is.False, "the first fetch of subscriber 1 is 50 s old");
    }
}
