// kill -9 a real send at random moments, rerun until done, and count what the SMTP server received.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery;

[NonParallelizable]
public partial class CrashRecoveryTests
{
    private const int Subscribers = 3000;
    private const int Connections = 4;
    private const int Kills = 5;

    [Test]
    public void Send_KilledAtRandomMoments_MissesNobodyAndDuplicatesOnlyReportedInFlight()
    {
        using var server = AiosmtpdServer.Start();
        using var workspace = FaultySendTests.SmtpWorkspace(server.Port, maxConsecutiveErrors: 25);
        workspace.Configure(c => c["smtp"]!["connections"] = Connections);
        workspace.Write("list.csv", "email\n" + string.Join("\n", Enumerable.Range(1, Subscribers).Select(i => $"reader{i}@example.com")) + "\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var seed = Environment.TickCount;
        var random = new Random(seed);
        var kills = 0;
        for (var i = 0; i < Kills; i++)
        {
            using var process = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "send", "--force", issue);
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Kill after a random number of further messages, whatever the machine's speed; a few milliseconds of
            // random extra wait moves the kill to any point of a transaction.
            var target = workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'") + random.Next(50, 400);
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)
                   && workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'") < target)
                Thread.Sleep(random.Next(1, 25));
            if (process.HasExited) break;
            process.Kill(); // SIGKILL: no finally block, no flush, like kill -9
            process.WaitForExit();
            kills++;
        }

        var reported = 0;
        var outputs = new List<string>();
        for (var rerun = 0; rerun < 5; rerun++)
        {
            var result = workspace.Run("send", "--force", issue);
            outputs.Add(result.Output + result.Error);
            reported += InFlight(result.Output);
            if (result.ExitCode == 0) break;
        }

        var received = server.RecipientCounts();
        var missed = Enumerable.Range(1, Subscribers).Count(i => !received.ContainsKey($"reader{i}@example.com"));
        var duplicates = received.Values.Sum(n => n - 1);
        TestContext.Out.WriteLine($"seed {seed}: {kills} kills, {missed} missed, {duplicates} duplicates, " +
            $"{workspace.Count("SELECT COALESCE(sum(recovered), 0) FROM deliveries")} recorded in flight, {reported} reported by the final run(s)");
        Assert.That(outputs.Last(), Does.Contain("Sent").Or.Contain("Nothing to send"), string.Join("\n---\n", outputs));
        Assert.That(kills, Is.GreaterThan(0), "the send finished before the first kill; nothing was tested");
        Assert.That(missed, Is.EqualTo(0));
        foreach (var (email, count) in received.Where(r => r.Value > 1))
            Assert.That(workspace.Count($"SELECT d.recovered FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = '{email}'"),
                Is.GreaterThanOrEqualTo(count - 1), $"{email} arrived {count} times");
        var recorded = workspace.Count("SELECT sum(recovered) FROM deliveries");
        Assert.That(recorded, Is.LessThanOrEqualTo(kills * Connections), "in flight means at most one per connection per crash");
        Assert.That(reported, Is.LessThanOrEqualTo(recorded));
        var status = workspace.Run("status").Output;
        if (recorded > 0) Assert.That(status, Does.Contain($"(possible duplicates): {recorded}"));
        else Assert.That(status, Does.Not.Contain("possible duplicates"));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"), Is.EqualTo(Subscribers));
    }

    private static int InFlight(string output) =>
        InFlightLine().Match(output) is { Success: true } match ? int.Parse(match.Groups[1].Value) : 0;

    [GeneratedRegex(@"In flight when an earlier run stopped: (\d+)")]
    private static partial Regex InFlightLine();
}
