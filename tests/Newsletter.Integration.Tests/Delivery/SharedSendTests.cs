// Three senders on one PostgreSQL share one send; one of them is killed twice mid-send; the SMTP server counts.
using System.Diagnostics;
using Newsletter.Integration.Tests.Peers;
using Newsletter.Integration.Tests.Support;
using Newsletter.Testing;
using Npgsql;

namespace Newsletter.Integration.Tests.Delivery;

[NonParallelizable]
public class SharedSendTests
{
    private const int Subscribers = 5000;
    private const int Connections = 4;
    private const int Workers = 3;

    [Test]
    public void ThreeWorkers_OneKilledTwice_MissNobodyShareTheWorkAndDuplicateOnlyWhatWasInFlight()
    {
        using var server = AiosmtpdServer.Start();
        using var workspace = FaultySendTests.SmtpWorkspace(server.Port, maxConsecutiveErrors: 25);
        var database = PostgresCluster.Shared.CreateDatabase();
        workspace.Configure(c =>
        {
            c["database"] = database;
            c["smtp"]!["connections"] = Connections;
        });
        Assert.That(workspace.Run("db", "migrate").ExitCode, Is.EqualTo(0));
        workspace.Write("list.csv", "email\n" + string.Join("\n", Enumerable.Range(1, Subscribers).Select(i => $"reader{i}@example.com")) + "\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());

        var random = new Random(Environment.TickCount);
        var workers = Enumerable.Range(0, Workers).Select(_ => Start(workspace, issue)).ToList();
        var kills = 0;
        // The first worker is killed twice: once, then its replacement again, each after a random number of messages.
        for (var kill = 0; kill < 2; kill++)
        {
            var target = Count(database, "SELECT count(*) FROM deliveries WHERE status = 'sent'") + random.Next(300, 900);
            var clock = Stopwatch.StartNew();
            while (!workers[0].HasExited && clock.Elapsed < TimeSpan.FromSeconds(90)
                   && Count(database, "SELECT count(*) FROM deliveries WHERE status = 'sent'") < target)
                Thread.Sleep(random.Next(1, 20));
            if (workers[0].HasExited) break;
            workers[0].Kill(); // SIGKILL, like kill -9: no finally block runs
            workers[0].WaitForExit();
            kills++;
            if (kill == 0) workers[0] = Start(workspace, issue);
        }
        foreach (var worker in workers) Assert.That(worker.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "a worker did not finish");

        var outputs = new List<string>();
        for (var rerun = 0; rerun < 3 && Count(database, "SELECT count(*) FROM deliveries WHERE status <> 'sent'") > 0; rerun++)
        {
            var result = workspace.Run("send", "--force", issue);
            outputs.Add(result.Output + result.Error);
        }

        var received = server.RecipientCounts();
        var missed = Enumerable.Range(1, Subscribers).Count(i => !received.ContainsKey($"reader{i}@example.com"));
        var duplicates = received.Values.Sum(n => n - 1);
        var recorded = Count(database, "SELECT COALESCE(sum(recovered), 0) FROM deliveries");
        var shares = Shares(database);
        TestContext.Out.WriteLine($"{kills} kills, {missed} missed, {duplicates} duplicates, {recorded} recorded in flight; " +
            $"sent per worker: {string.Join(", ", shares)}; reruns {outputs.Count}");
        Assert.That(kills, Is.EqualTo(2), "the send finished before both kills; nothing was tested");
        Assert.That(missed, Is.EqualTo(0), string.Join("\n---\n", outputs));
        Assert.That(Count(database, "SELECT count(*) FROM deliveries WHERE status = 'sent'"), Is.EqualTo(Subscribers));
        Assert.That(recorded, Is.LessThanOrEqualTo(kills * Connections), "in flight means at most one per connection per kill");
        Assert.That(duplicates, Is.LessThanOrEqualTo(recorded), "every duplicate was in flight at a kill");
        // Three workers started at once plus the killed one's replacement: the survivors and the killed ones all sent some.
        Assert.That(shares.Count(n => n > 0), Is.GreaterThanOrEqualTo(Workers), "every worker did part of the work");
    }

    private static Process Start(TestWorkspace workspace, string issue)
    {
        var process = NewsletterCli.Start(workspace.Root, new Dictionary<string, string>(), "send", "--force", issue);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    // The last claimant of each sent delivery is the worker that sent it.
    private static List<long> Shares(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM deliveries WHERE status = 'sent' GROUP BY claimed_by ORDER BY 1 DESC", connection);
        using var reader = command.ExecuteReader();
        var shares = new List<long>();
        while (reader.Read()) shares.Add(reader.GetInt64(0));
        return shares;
    }

    private static long Count(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
