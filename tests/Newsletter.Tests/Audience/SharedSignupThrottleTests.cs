using Newsletter.Audience.Signup;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

// Two throttles on one database stand for two web servers.
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SharedSignupThrottleTests(StoreKind kind)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private TestStore _store = null!;

    [SetUp]
    public void SetUp() => _store = TestStore.Create(kind);

    [TearDown]
    public void TearDown() => _store.Dispose();

    private SharedSignupThrottle Throttle(string scope = "address", int limit = 3, int sweepEvery = 64) =>
        new(_store.Database, _clock, scope, limit, Window, sweepEvery);

    [Test]
    public async Task TryAcquire_AttemptsOnTwoServers_CountTogether()
    {
        var (a, b) = (Throttle(), Throttle());
        var answers = new List<bool>();
        foreach (var server in new[] { a, b, a, b, a }) answers.Add(await server.TryAcquireAsync("ada@example.com"));
        Assert.That(answers, Is.EqualTo(new[] { true, true, true, false, false }));
        Assert.That(await b.TryAcquireAsync("grace@example.com"), Is.True, "another key has its own count");
    }

    [Test]
    public async Task TryAcquire_KeyInOtherCase_IsTheSameKey()
    {
        var throttle = Throttle(limit: 1);
        Assert.That(await throttle.TryAcquireAsync("ada@example.com"), Is.True);
        Assert.That(await throttle.TryAcquireAsync("ADA@example.COM"), Is.False);
    }

    [Test]
    public async Task TryAcquire_WindowSlides_OldestAttemptStopsCounting()
    {
        var (a, b) = (Throttle(), Throttle());
        await a.TryAcquireAsync("ada@example.com");
        _clock.Advance(TimeSpan.FromMinutes(20));
        await b.TryAcquireAsync("ada@example.com");
        _clock.Advance(TimeSpan.FromMinutes(20));
        await a.TryAcquireAsync("ada@example.com");
        _clock.Advance(TimeSpan.FromMinutes(19));
        Assert.That(await b.TryAcquireAsync("ada@example.com"), Is.False, "three attempts in the last hour");
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await b.TryAcquireAsync("ada@example.com"), Is.True, "the first attempt is an hour old");
        Assert.That(await a.TryAcquireAsync("ada@example.com"), Is.False);
    }

    [Test]
    public async Task TryAcquire_SameKeyInAnotherScope_CountsApart()
    {
        var (addresses, clients) = (Throttle("address", limit: 1), Throttle("client", limit: 1));
        Assert.That(await addresses.TryAcquireAsync("127.0.0.1"), Is.True);
        Assert.That(await clients.TryAcquireAsync("127.0.0.1"), Is.True);
        Assert.That(await clients.TryAcquireAsync("127.0.0.1"), Is.False);
    }

    [Test]
    public async Task TryAcquire_ManyAtOnceOnTwoServers_AllowsExactlyTheLimit()
    {
        var servers = new[] { Throttle(limit: 5), Throttle(limit: 5) };
        using var go = new Barrier(16);
        var attempts = Enumerable.Range(0, 16).Select(i => Task.Factory.StartNew(() =>
        {
            go.SignalAndWait();
            return servers[i % 2].TryAcquireAsync("ada@example.com").AsTask().GetAwaiter().GetResult();
        }, TaskCreationOptions.LongRunning)).ToList();

        var answers = await Task.WhenAll(attempts);

        Assert.That(answers.Count(allowed => allowed), Is.EqualTo(5));
        Assert.That(_store.Count("SELECT count(*) FROM signup_attempts"), Is.EqualTo(5), "refused attempts are not stored");
    }

    [Test]
    public async Task TryAcquire_EveryFewCalls_SweepsOnlyItsOwnScopesExpiredRows()
    {
        var addresses = Throttle("address", sweepEvery: 3);
        var clients = Throttle("client", sweepEvery: 1000);
        await addresses.TryAcquireAsync("ada@example.com");
        await clients.TryAcquireAsync("127.0.0.1");
        await addresses.TryAcquireAsync("grace@example.com");
        _clock.Advance(Window);
        await addresses.TryAcquireAsync("edsger@example.com");
        await addresses.TryAcquireAsync("barbara@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(_store.Count("SELECT count(*) FROM signup_attempts WHERE key LIKE 'address:%'"), Is.EqualTo(2), "swept by the fourth call");
            Assert.That(_store.Count("SELECT count(*) FROM signup_attempts WHERE key = 'client:127.0.0.1'"), Is.EqualTo(1),
                "another throttle's rows are its own to sweep");
        });
    }

    [Test]
    public void Create_ScopeNotLowerCaseLetters_Throws()
    {
        Assert.Throws<ArgumentException>(() => Throttle("client:"));
        Assert.Throws<ArgumentException>(() => Throttle(""));
    }
}
