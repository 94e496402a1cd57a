// The SMTP transport against a real aiosmtpd server whose handler refuses, throttles and drops by recipient.
using Newsletter.Delivery.Smtp;
using Newsletter.Delivery.Transports;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery.Smtp;

[TestFixture]
[CancelAfter(60_000)]
public sealed class FaultySmtpTransportTests
{
    private AiosmtpdServer _server = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = AiosmtpdServer.Start(faulty: true);

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    private SmtpTransport Transport(int connections = 1) =>
        new(new SmtpEndpoint("127.0.0.1", _server.Port, SmtpSecurity.None) { Timeout = TimeSpan.FromSeconds(10) }, connections);

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}@example.org";

    private static Task<TransportResult> Send(SmtpTransport transport, string recipient) =>
        transport.SendAsync("bounces@example.com", recipient, SmtpTransportScriptTests.Message(recipient), CancellationToken.None);

    [TestCase("t451-", "451 4.3.0", TransportOutcome.Throttled)]
    [TestCase("t452-", "452 4.5.3", TransportOutcome.Throttled)]
    [TestCase("t454-", "454 4.7.0", TransportOutcome.Throttled)]
    [TestCase("t550-", "550 5.1.1", TransportOutcome.Rejected)]
    [TestCase("data451-", "451 4.7.1", TransportOutcome.Throttled)]
    public async Task Send_RecipientRefused_ClassifiedAndTheConnectionCarriesTheNext(string fault, string reply, TransportOutcome expected)
    {
        await using var transport = Transport();
        var refused = await Send(transport, Unique(fault));
        var next = await Send(transport, Unique("ok-"));

        Assert.That(refused.Outcome, Is.EqualTo(expected), refused.Detail);
        Assert.That(refused.Detail, Does.StartWith(reply));
        Assert.That(next, Is.EqualTo(TransportResult.Accepted), "after RSET the same connection carries the next message");
    }

    [Test]
    public async Task Send_ServerAlways421_RetriedOnceThenThrottledAndThePoolStaysUsable()
    {
        await using var transport = Transport();
        var refused = await Send(transport, Unique("t421-"));
        Assert.That(refused.Outcome, Is.EqualTo(TransportOutcome.Throttled), refused.Detail);
        Assert.That(refused.Detail, Does.StartWith("421"));
        Assert.That(await Send(transport, Unique("ok-")), Is.EqualTo(TransportResult.Accepted));
    }

    [Test]
    public async Task Send_ConnectionDroppedEveryTime_IsDeferred()
    {
        await using var transport = Transport();
        var result = await Send(transport, Unique("drop-"));
        Assert.That(result.Outcome, Is.EqualTo(TransportOutcome.Deferred), result.Detail);
        Assert.That(result.Detail, Does.Contain($"127.0.0.1:{_server.Port}"));
    }

    [Test]
    public async Task Send_ConnectionDroppedOnce_SentOnceOnAFreshConnection()
    {
        await using var transport = Transport();
        var flaky = Unique("dropfirst-");
        Assert.That(await Send(transport, flaky), Is.EqualTo(TransportResult.Accepted));
        Assert.That(_server.Messages().Count(m => m.Recipients.Contains(flaky)), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_MixedFaultsOnThreeConnectionsAtOnce_OnlyTheFaultyFail()
    {
        await using var transport = Transport(3);
        string[] kinds = ["ok-", "t550-", "ok-", "t451-", "ok-", "dropfirst-", "ok-", "t421-"];
        var recipients = Enumerable.Range(0, 32).Select(i => Unique(kinds[i % kinds.Length])).ToList();
        var outcomes = await Task.WhenAll(recipients.Select(async r => (r, (await Send(transport, r)).Outcome)));
        foreach (var (recipient, outcome) in outcomes)
        {
            var expected = recipient switch
            {
                _ when recipient.StartsWith("ok-", StringComparison.Ordinal) || recipient.StartsWith("dropfirst-", StringComparison.Ordinal) => TransportOutcome.Accepted,
                _ when recipient.StartsWith("t550-", StringComparison.Ordinal) => TransportOutcome.Rejected,
                _ => TransportOutcome.Throttled,
            };
            Assert.That(outcome, Is.EqualTo(expected), recipient);
        }
    }
}
