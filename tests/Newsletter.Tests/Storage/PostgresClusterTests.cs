using System.Diagnostics;
using Newsletter.Testing;
using Npgsql;

namespace Newsletter.Tests.Storage;

[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PostgresClusterTests
{
    [Test]
    public void CreateDatabase_TwoDatabases_RowInOneIsNotSeenInTheOther()
    {
        var first = PostgresCluster.Shared.CreateDatabase();
        var second = PostgresCluster.Shared.CreateDatabase();

        Execute(first, "CREATE TABLE notes (body text NOT NULL); INSERT INTO notes VALUES ('only here')");

        Assert.Multiple(() =>
        {
            Assert.That(Scalar(first, "SELECT count(*) FROM notes"), Is.EqualTo(1L));
            Assert.That(Scalar(second, "SELECT to_regclass('public.notes') IS NULL"), Is.True);
        });
    }

    [Test]
    public void CreateDatabase_Named_ConnectionStringOpensThatDatabase()
    {
        var name = "named_" + Guid.NewGuid().ToString("N")[..8];

        var connectionString = PostgresCluster.Shared.CreateDatabase(name);

        Assert.That(Scalar(connectionString, "SELECT current_database()"), Is.EqualTo(name));
    }

    [Test]
    public void CreateDatabase_NotAPlainName_Throws()
    {
        Assert.Throws<ArgumentException>(() => PostgresCluster.Shared.CreateDatabase("x\"; DROP DATABASE postgres; --"));
    }

    [Test]
    public void CreateDatabase_ManyAtOnce_EachIsItsOwn()
    {
        // Threads of their own, released together: the thread pool on two cores would run them two by two.
        var names = new string[8];
        using var go = new Barrier(names.Length);
        var threads = Enumerable.Range(0, names.Length).Select(i => new Thread(() =>
        {
            go.SignalAndWait();
            names[i] = (string)Scalar(PostgresCluster.Shared.CreateDatabase(), "SELECT current_database()");
        })).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.That(names.Distinct().Count(), Is.EqualTo(names.Length));
    }

    [Test]
    public void Url_HoldsUserPasswordHostPortAndDatabase_EnoughToLogIn()
    {
        var cluster = PostgresCluster.Shared;
        var name = new NpgsqlConnectionStringBuilder(cluster.CreateDatabase()).Database!;

        var url = new Uri(cluster.Url(name));
        var userInfo = url.UserInfo.Split(':');
        var fromUrl = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port,
            Username = Uri.UnescapeDataString(userInfo[0]),
            Password = Uri.UnescapeDataString(userInfo[1]),
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
            Pooling = false,
        }.ConnectionString;

        Assert.Multiple(() =>
        {
            Assert.That(url.Scheme, Is.EqualTo("postgres"));
            Assert.That(url.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(Scalar(fromUrl, "SELECT current_database()"), Is.EqualTo(name));
        });
    }

    [Test]
    public void CreateDatabase_WrongPassword_LoginRefused()
    {
        var wrong = new NpgsqlConnectionStringBuilder(PostgresCluster.Shared.CreateDatabase()) { Password = "not-the-password", Pooling = false };

        var refused = Assert.Throws<PostgresException>(() => new NpgsqlConnection(wrong.ConnectionString).Open());

        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.InvalidPassword));
    }

    [Test]
    public void Server_RunsAsUnprivilegedUser()
    {
        var cluster = PostgresCluster.Shared;

        var uids = File.ReadLines($"/proc/{cluster.ProcessId}/status").Single(line => line.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(int.Parse).ToList();
        var dataDirectory = (string)Scalar(cluster.CreateDatabase(), "SELECT current_setting('data_directory')");

        Assert.Multiple(() =>
        {
            Assert.That(uids, Has.All.Not.EqualTo(0), "real, effective, saved and file-system uid");
            Assert.That(uids, Has.All.EqualTo(UidOf(cluster.ServerUser)));
            Assert.That(dataDirectory, Is.EqualTo(cluster.DataDirectory));
        });
    }

    [Test]
    public void Dispose_StopsServerAndDeletesItsFolder()
    {
        var started = Stopwatch.StartNew();
        var cluster = new PostgresCluster();
        TestContext.Out.WriteLine($"cluster started in {started.Elapsed.TotalSeconds:0.0} s");
        var connectionString = cluster.CreateDatabase();
        using var open = new NpgsqlConnection(connectionString);
        open.Open();
        var process = Process.GetProcessById(cluster.ProcessId);

        cluster.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(process.HasExited, Is.True, "the postmaster, even with a session open");
            Assert.That(Directory.Exists(cluster.DataDirectory), Is.False);
        });
    }

    private static int UidOf(string user)
    {
        using var id = Process.Start(new ProcessStartInfo("id", ["-u", user]) { RedirectStandardOutput = true })!;
        var uid = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return int.Parse(uid, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static object Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar()!;
    }
}
