// A database another process holds is an operational failure with its own exit code, not bad input.
using Microsoft.Data.Sqlite;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.CommandLine;

public class UnavailableDatabaseTests
{
    [Test]
    public void SubscribersAdd_WhileAnotherProcessHoldsTheWriteLock_ExitsSixSayingSoAndChangesNothing()
    {
        using var workspace = new TestWorkspace();
        workspace.Configure(c => c["databaseBusyTimeout"] = 1);
        Assert.That(workspace.Run("subscribers", "add", "first@example.com").ExitCode, Is.EqualTo(0));

        CliResult blocked;
        using (var holder = new SqliteConnection($"Data Source={workspace.PathOf("newsletter.db")};Pooling=false"))
        {
            holder.Open();
            using var exclusive = holder.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            exclusive.ExecuteNonQuery();
            blocked = workspace.Run("subscribers", "add", "second@example.com");
        }

        Assert.That(blocked.ExitCode, Is.EqualTo(6), blocked.Output + blocked.Error);
        Assert.That(blocked.Error, Does.Contain("is locked by another process").And.Contain("databaseBusyTimeout"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.EqualTo(1), "nothing was added");
        Assert.That(workspace.Run("subscribers", "add", "second@example.com").ExitCode, Is.EqualTo(0), "once the lock is gone it works");
    }

    [Test]
    public void SubscribersShow_StoredTimestampTheProgramNeverWrites_ExitsSixQuotingIt()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.com");
        using (var connection = new SqliteConnection($"Data Source={workspace.PathOf("newsletter.db")};Pooling=false"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE subscribers SET created_at = 'yesterday'";
            damage.ExecuteNonQuery();
        }

        var result = workspace.Run("subscribers", "show", "ada@example.com");

        Assert.That(result.ExitCode, Is.EqualTo(6), result.Output + result.Error);
        Assert.That(result.Error, Is.EqualTo("error: the database holds 'yesterday' where a timestamp belongs" + Environment.NewLine));
    }

    [Test]
    public void BusyTimeoutSetting_OutOfRange_IsAConfigurationError()
    {
        using var workspace = new TestWorkspace();
        workspace.Configure(c => c["databaseBusyTimeout"] = 0);

        var result = workspace.Run("subscribers", "count");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("databaseBusyTimeout").And.Contain("1 to 3600"));
    }
}
