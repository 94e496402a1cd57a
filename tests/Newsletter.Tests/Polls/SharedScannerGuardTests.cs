using Newsletter.Polls;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Polls;

// Two guards on one database stand for two web servers.
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SharedScannerGuardTests(StoreKind kind)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(15);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private TestStore _store = null!;

    [SetUp]
    public void SetUp() => _store = TestStore.Create(kind);

    [TearDown]
    public void TearDown() => _store.Dispose();

    private SharedScannerGuard Guard(int sweepEvery = 256) => new(_store.Database, _clock, Window, sweepEvery);

    [Test]
    public async Task LooksScanned_EveryOptionFetchedOverTwoServers_IsTrueOnBoth()
    {
        var (a, b) = (Guard(), Guard());
        var fetchedAt = _clock.GetUtcNow();
        for (var rating = 1; rating <= 5; rating++) await (rating % 2 == 0 ? b : a).PageFetchedAsync(1, 7, rating);

        var scanned = new List<bool>();
        for (var rating = 1; rating <= 5; rating++)
        {
            scanned.Add(await a.LooksScannedAsync(1, 7, rating, fetchedAt));
            scanned.Add(await b.LooksScannedAsync(1, 7, rating, fetchedAt));
        }
        Assert.That(scanned, Is.All.True);
    }

    [Test]
    public async Task LooksScanned_OneOptionFetched_IsFalse()
    {
        var (a, b) = (Guard(), Guard());
        var fetchedAt = _clock.GetUtcNow();
        await a.PageFetchedAsync(1, 7, 4);
        await b.PageFetchedAsync(1, 7, 4);
        await b.PageFetchedAsync(1, 8, 2);
        await a.PageFetchedAsync(2, 7, 2);
        Assert.That(await b.LooksScannedAsync(1, 7, 4, fetchedAt), Is.False, "the same option twice, other subscribers and issues do not count");
    }

    [Test]
    public async Task LooksScanned_OtherOptionLongBefore_IsFalse()
    {
        var (a, b) = (Guard(), Guard());
        for (var rating = 1; rating <= 5; rating++) await a.PageFetchedAsync(1, 7, rating);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await b.PageFetchedAsync(1, 7, 3);
        Assert.That(await b.LooksScannedAsync(1, 7, 3, _clock.GetUtcNow()), Is.False, "the reader clicks long after the scanner");
    }

    [Test]
    public async Task LooksScanned_OtherOptionFetchedOnOtherServerWhileVoteSettles_IsTrue()
    {
        var (a, b) = (Guard(), Guard());
        var fetchedAt = _clock.GetUtcNow();
        await a.PageFetchedAsync(1, 7, 5);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await b.PageFetchedAsync(1, 7, 1);
        Assert.That(await a.LooksScannedAsync(1, 7, 5, fetchedAt), Is.True);
    }

    [Test]
    public async Task PageFetched_EveryFewCalls_SweepsRowsOlderThanTwoWindows()
    {
        var guard = Guard(sweepEvery: 4);
        for (var subscriber = 1; subscriber <= 3; subscriber++) await guard.PageFetchedAsync(1, subscriber, 1);
        _clock.Advance(Window * 2 + TimeSpan.FromSeconds(1));
        for (var subscriber = 10; subscriber <= 13; subscriber++) await guard.PageFetchedAsync(1, subscriber, 2);

        Assert.Multiple(() =>
        {
            Assert.That(_store.Count("SELECT count(*) FROM poll_fetches WHERE subscriber_id < 10"), Is.Zero, "swept by the fifth call");
            Assert.That(_store.Count("SELECT count(*) FROM poll_fetches WHERE subscriber_id >= 10"), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task PageFetched_FirstCallOfAServer_SweepsWhatEarlierRunsLeft()
    {
        await Guard().PageFetchedAsync(1, 1, 1);
        _clock.Advance(TimeSpan.FromHours(1));

        await Guard().PageFetchedAsync(1, 2, 1);

        Assert.That(_store.Count("SELECT count(*) FROM poll_fetches"), Is.EqualTo(1));
    }

    [Test]
    public async Task LooksScanned_RowsOfOtherEmails_NotCountedEvenWithinTheWindow()
    {
        var guard = Guard();
        var fetchedAt = _clock.GetUtcNow();
        for (var subscriber = 1; subscriber <= 50; subscriber++)
            for (var rating = 1; rating <= 5; rating++)
                await guard.PageFetchedAsync(3, subscriber, rating);
        await guard.PageFetchedAsync(3, 99, 2);
        Assert.That(await guard.LooksScannedAsync(3, 99, 2, fetchedAt), Is.False);
    }
}
