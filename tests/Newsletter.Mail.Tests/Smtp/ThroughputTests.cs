// Throughput: many ~20 KB messages to a local sink over reused, pipelined connections.
using System.Diagnostics;
using System.Text;
using Newsletter.Mail.Mime;
using Newsletter.Mail.Smtp;
using Newsletter.Mail.Tests.Support;

namespace Newsletter.Mail.Tests.Smtp;

[TestFixture]
[NonParallelizable]
public sealed class ThroughputTests
{
    internal static byte[] TwentyKilobyteMessage()
    {
        var html = new StringBuilder("<html><body>");
        while (html.Length < 14_000)
        {
            html.Append("<p>Grüße aus der Redaktion — ein Absatz mit etwas Text, wie er in einem Newsletter steht.</p>\n");
        }

        var message = new EmailMessage
        {
            From = new MailAddress("news@example.com", "Example News"),
            To = [new MailAddress("reader@example.org", "Reader")],
            Subject = "Throughput issue",
            MessageId = MessageIdFactory.Create("example.com"),
            TextBody = new string('x', 60) + "\n" + string.Concat(Enumerable.Repeat("A line of plain text for the text part.\n", 60)),
            HtmlBody = html.Append("</body></html>").ToString(),
        };
        return MimeWriter.ToBytes(message);
    }

    internal static async Task<double> MeasureAsync(int port, int connections, int count, byte[] message)
    {
        var options = new SmtpClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = SmtpSecurity.None,
            LocalDomain = "bench.test.local",
            Timeout = TimeSpan.FromSeconds(10),
        };
        await using var pool = new SmtpConnectionPool(options, connections);
        var clock = Stopwatch.StartNew();
        int next = -1;
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var result = await pool.SendAsync("bounces@example.com", ["reader@example.org"], message);
                if (!result.Accepted)
                {
                    throw new InvalidOperationException(result.DataReply?.ToString());
                }
            }
        });
        await Task.WhenAll(workers);
        return count / clock.Elapsed.TotalSeconds;
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Pool_ManyConcurrentCallers_NeverOpensMoreThanMaxConnections()
    {
        await using var sink = new SinkSmtpServer();
        var options = new SmtpClientOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None, LocalDomain = "t.local" };
        await using var pool = new SmtpConnectionPool(options, 3);
        byte[] message = Encoding.ASCII.GetBytes("Subject: x\r\n\r\ny\r\n");
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => pool.SendAsync("a@example.com", ["b@example.org"], message)));
        Assert.That(results.All(r => r.Accepted), Is.True);
        Assert.That(sink.Messages, Is.EqualTo(100));
        Assert.That(sink.MaxConcurrentSessions, Is.InRange(1, 3));
        Assert.That(pool.IdleConnections, Is.InRange(1, 3));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Send_ThousandsOfRecipients_PipelinedInBoundedBatches()
    {
        await using var sink = new SinkSmtpServer();
        var options = new SmtpClientOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None, LocalDomain = "t.local" };
        await using var client = new SmtpClient(options);
        await client.ConnectAsync();
        var recipients = Enumerable.Range(0, 5000).Select(i => $"reader-with-a-long-local-part-{i:00000}@subdomain.example.org").ToList();
        var result = await client.SendAsync("a@example.com", recipients, Encoding.ASCII.GetBytes("Subject: x\r\n\r\ny\r\n"));
        Assert.That(result.AllRecipientsAccepted, Is.True);
        Assert.That(result.Recipients, Has.Count.EqualTo(5000));
    }

    [Test]
    [Explicit("Benchmark; run with --filter Category=Benchmark")]
    [Category("Benchmark")]
    public async Task Benchmark_TwentyKilobyteMessages_OneAndEightConnections()
    {
        byte[] message = TwentyKilobyteMessage();
        foreach (bool pipelining in new[] { true, false })
        {
            await using var sink = new SinkSmtpServer(pipelining);
            await MeasureAsync(sink.Port, 8, 500, message);
            foreach (int connections in new[] { 1, 8 })
            {
                double rate = await MeasureAsync(sink.Port, connections, 5000, message);
                TestContext.Out.WriteLine($"{message.Length} B, pipelining={pipelining}, connections={connections}: {rate:0} msg/s");
            }
        }

        // Reference point: the framework's own client on the same sink, one connection.
        await using (var sink = new SinkSmtpServer())
        {
            using var reference = new System.Net.Mail.SmtpClient("127.0.0.1", sink.Port);
            using var mail = new System.Net.Mail.MailMessage("bounces@example.com", "reader@example.org", "Throughput issue", Encoding.UTF8.GetString(message));
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < 100; i++)
            {
                await reference.SendMailAsync(mail);
            }

            TestContext.Out.WriteLine($"System.Net.Mail.SmtpClient, 1 connection: {100 / clock.Elapsed.TotalSeconds:0} msg/s");
        }
    }
}
