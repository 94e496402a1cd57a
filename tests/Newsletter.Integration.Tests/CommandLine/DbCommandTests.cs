// `newsletter db`: a SQLite workspace moved into PostgreSQL through the command, as an operator would do it.
using Newsletter.Integration.Tests.Support;
using Newsletter.Testing;
using Npgsql;

namespace Newsletter.Integration.Tests.CommandLine;

public class DbCommandTests
{
    [Test]
    public void Copy_SqliteWorkspaceIntoPostgres_PrintsEqualChecksumsAndTheWorkspaceRunsOnTheCopy()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,name,plan,tags\nada@example.com,Ada,pro,rust\ngrace@example.org,Grace,free,go\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());
        Assert.That(workspace.Run("send", issue).ExitCode, Is.EqualTo(0));
        var target = PostgresCluster.Shared.CreateDatabase();
        var password = new NpgsqlConnectionStringBuilder(target).Password!;
        var url = new NpgsqlConnectionStringBuilder(target) { Password = null }.ConnectionString;
        var environment = new Dictionary<string, string> { ["NEWSLETTER_DATABASE_PASSWORD"] = password };

        var copy = NewsletterCli.Run(workspace.Root, environment, "db", "copy", "--to", url);

        Assert.That(copy.ExitCode, Is.EqualTo(0), copy.Output + copy.Error);
        Assert.That(copy.Output, Does.Contain("subscribers                 2").And.Contain("deliveries                  2"));
        Assert.That(copy.Output, Does.Contain("every table matches"));
        Assert.That(copy.Output, Does.Not.Contain("DIFFERS"));
        Assert.That(copy.Output + copy.Error, Does.Not.Contain(password), "the password is never printed");

        workspace.Configure(c => c["database"] = url);
        var status = NewsletterCli.Run(workspace.Root, environment, "status");
        Assert.That(status.Output, Does.Contain("sent 2, pending 0"), status.Output + status.Error);
        var count = NewsletterCli.Run(workspace.Root, environment, "subscribers", "count", "--segment", "plan = PRO and tag:rust");
        Assert.That(count.Output.Trim(), Is.EqualTo("1"), count.Output + count.Error);

        var again = NewsletterCli.Run(workspace.Root, environment, "db", "migrate");
        Assert.That(again.Output, Does.Contain("the latest; nothing to do"));
    }

    [Test]
    public void Status_UnmigratedPostgres_ExitsSixNamingDbMigrate()
    {
        using var workspace = new TestWorkspace();
        var database = PostgresCluster.Shared.CreateDatabase();
        workspace.Configure(c => c["database"] = database);

        var status = workspace.Run("status");

        Assert.That(status.ExitCode, Is.EqualTo(6));
        Assert.That(status.Error, Does.Contain("has no newsletter schema yet; run 'newsletter db migrate' once"));
        Assert.That(workspace.Run("db", "version").ExitCode, Is.EqualTo(6), "behind the program");
        Assert.That(workspace.Run("db", "migrate").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("db", "version").Output, Does.Contain($"schema version {Newsletter.Storage.Migrator.LatestVersion}; this program needs"));
        Assert.That(workspace.Run("status").ExitCode, Is.EqualTo(0));
    }
}
