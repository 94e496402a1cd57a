// Integration: failure replies and dropped connections from a real aiosmtpd server with a scripted faulty handler.
using System.Text;
using Newsletter.Mail.Smtp;
using Newsletter.Mail.Tests.Support;

namespace Newsletter.Mail.Tests.Smtp;

[TestFixture]
[NonParallelizable]
[CancelAfter(60_000)]
public sealed class FaultyServerTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes("Subject: fault test\r\n\r\nHello\r\n");
    private AiosmtpdServer _server = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = AiosmtpdServer.Start(faulty: true);

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    private SmtpClientOptions Options() => new()
    {
        Host = "127.0.0.1",
        Port = _server.Port,
        Security = SmtpSecurity.None,
        LocalDomain = "client.test.local",
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}@example.org";

    [TestCase("t451-", 451, SmtpReplyClass.Throttled)]
    [TestCase("t452-", 452, SmtpReplyClass.Throttled)]
    [TestCase("t454-", 454, SmtpReplyClass.Throttled)]
    [TestCase("t550-", 550, SmtpReplyClass.PermanentFailure)]
    public async Task Send_RecipientRefused_ReportsClassAndKeepsConnection(string fault, int code, SmtpReplyClass expected)
    {
        await using var client = new SmtpClient(Options());
        await client.ConnectAsync();
        var refused = await client.SendAsync("bounces@example.com", [Unique(fault)], Message);
        Assert.That(client.IsConnected, Is.True);
        var next = await client.SendAsync("bounces@example.com", [Unique("ok-")], Message);
        await client.DisconnectAsync();

        Assert.That(refused.Accepted, Is.False);
        Assert.That(refused.Recipients.Single().Reply.Code, Is.EqualTo(code));
        Assert.That(refused.Classification, Is.EqualTo(expected));
        Assert.That(next.Accepted, Is.True, "After RSET the same connection must carry the next message.");
    }

    [Test]
    public async Task Send_RecipientRejected_ReturnsPermanentFailure()
    {
        await using var pool = new SmtpConnectionPool(Options(), 2);
        string good = Unique("ok-");
        var result = await pool.SendAsync("bounces@example.com", [Unique("t550-"), good], Message);

        Assert.That(result.Accepted, Is.True);
        Assert.That(result.RejectedRecipients.Single().Reply.EnhancedCode, Is.EqualTo("5.1.1"));
        Assert.That(SmtpReplyClassifier.Classify(result.RejectedRecipients.Single().Reply), Is.EqualTo(SmtpReplyClass.PermanentFailure));
        Assert.That(_server.Messages().Single(m => m.Recipients.Contains(good)).Recipients, Is.EqualTo(new[] { good }));
    }

    [Test]
    public async Task Send_ContentRefusedAfterData_ReportsThrottled()
    {
        await using var client = new SmtpClient(Options());
        await client.ConnectAsync();
        var result = await client.SendAsync("bounces@example.com", [Unique("data451-")], Message);
        Assert.That(result.Accepted, Is.False);
        Assert.That(result.DataReply!.Code, Is.EqualTo(451));
        Assert.That(result.Classification, Is.EqualTo(SmtpReplyClass.Throttled));
        Assert.That(client.IsConnected, Is.True);
    }

    [Test]
    public async Task Pool_ServerAlways421_RetriesOnceThenThrowsAndStaysUsable()
    {
        await using var pool = new SmtpConnectionPool(Options(), 1);
        var ex = Assert.ThrowsAsync<SmtpException>(() => pool.SendAsync("bounces@example.com", [Unique("t421-")], Message));
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.TransientReply));
        Assert.That(ex.Reply!.Code, Is.EqualTo(421));
        Assert.That(SmtpReplyClassifier.Classify(ex), Is.EqualTo(SmtpReplyClass.Throttled));

        var next = await pool.SendAsync("bounces@example.com", [Unique("ok-")], Message);
        Assert.That(next.Accepted, Is.True);
    }

    [Test]
    public async Task Pool_ConnectionDroppedTwice_ThrowsConnectionLost()
    {
        await using var pool = new SmtpConnectionPool(Options(), 1);
        var ex = Assert.ThrowsAsync<SmtpException>(() => pool.SendAsync("bounces@example.com", [Unique("drop-")], Message));
        Assert.That(ex!.Kind, Is.EqualTo(SmtpErrorKind.ConnectionLost));
        Assert.That(SmtpReplyClassifier.Classify(ex), Is.EqualTo(SmtpReplyClass.ConnectionLost));
    }

    [Test]
    public async Task Pool_ConnectionDroppedOnce_RetriedOnFreshConnection()
    {
        await using var pool = new SmtpConnectionPool(Options(), 1);
        string flaky = Unique("dropfirst-");
        var result = await pool.SendAsync("bounces@example.com", [flaky], Message);
        Assert.That(result.Accepted, Is.True);
        Assert.That(_server.Messages().Count(m => m.Recipients.Contains(flaky)), Is.EqualTo(1));
    }

    [Test]
    public async Task Pool_MixedFaultsConcurrently_OnlyFaultyMessagesFail()
    {
        await using var pool = new SmtpConnectionPool(Options(), 3);
        string[] kinds = ["ok-", "t550-", "ok-", "t451-", "ok-", "dropfirst-", "ok-", "t421-"];
        var recipients = Enumerable.Range(0, 32).Select(i => Unique(kinds[i % kinds.Length])).ToList();
        var outcomes = await Task.WhenAll(recipients.Select(async r =>
        {
            try
            {
                return (r, (await pool.SendAsync("bounces@example.com", [r], Message)).Classification);
            }
            catch (SmtpException ex)
            {
                return (r, SmtpReplyClassifier.Classify(ex));
            }
        }));

        foreach (var (recipient, outcome) in outcomes)
        {
            SmtpReplyClass expected = recipient switch
            {
                _ when recipient.StartsWith("ok-", StringComparison.Ordinal) || recipient.StartsWith("dropfirst-", StringComparison.Ordinal) => SmtpReplyClass.Success,
                _ when recipient.StartsWith("t550-", StringComparison.Ordinal) => SmtpReplyClass.PermanentFailure,
                _ => SmtpReplyClass.Throttled,
            };
            Assert.That(outcome, Is.EqualTo(expected), recipient);
        }
    }
}
