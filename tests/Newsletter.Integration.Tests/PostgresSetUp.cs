// Stops the test process's shared PostgreSQL server once every test has run, if any test started it.
using Newsletter.Testing;

[SetUpFixture]
public sealed class PostgresSetUp
{
    /// <summary>Stops <see cref="PostgresCluster.Shared"/> by its process id and deletes its folder.</summary>
    [OneTimeTearDown]
    public void StopSharedCluster()
    {
        // The cluster is POSIX-only (setpriv, signals, Unix file modes); on Windows nothing ever started it.
        if (!OperatingSystem.IsWindows()) PostgresCluster.StopShared();
    }
}
