// `quickstart` through the real CLI, in both kinds of workspace people start from: one `init` made, and the repository's.
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Journeys;

public class QuickstartTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Newsletter.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("no Newsletter.sln above the test folder");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void AssertSentToOutbox(string root, CliResult result, int count)
    {
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain($"Imported {count} sample subscriber(s)").And.Contain($"Sent {count} email(s)."));
        Assert.That(Directory.EnumerateFiles(Path.Combine(root, "outbox"), "*.eml", SearchOption.AllDirectories).Count(), Is.EqualTo(count));
    }

    [Test]
    public void Quickstart_InAWorkspaceMadeByInit_ImportsTheSampleListAndFillsTheOutbox()
    {
        var root = Directory.CreateTempSubdirectory("newsletter-quick-").FullName;
        try
        {
            Assert.That(NewsletterCli.Run(root, "init", ".").ExitCode, Is.EqualTo(0));
            Assert.That(File.Exists(Path.Combine(root, "issues", "sample-subscribers.csv")), "init writes the sample list");

            var quickstart = NewsletterCli.Run(root, "quickstart");

            AssertSentToOutbox(root, quickstart, 10);
            Assert.That(quickstart.Output, Does.Contain("1. run:   newsletter serve"));
            Assert.That(NewsletterCli.Run(root, "quickstart").Output, Does.Contain("Nothing new to send"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Quickstart_InTheRepositoryLayout_ImportsItsListAndFillsTheOutbox()
    {
        var root = Directory.CreateTempSubdirectory("newsletter-quick-").FullName;
        try
        {
            var repository = RepositoryRoot();
            File.Copy(Path.Combine(repository, "newsletter.json"), Path.Combine(root, "newsletter.json"));
            Copy(Path.Combine(repository, "issues"), Path.Combine(root, "issues"));
            Copy(Path.Combine(repository, "templates"), Path.Combine(root, "templates"));

            AssertSentToOutbox(root, NewsletterCli.Run(root, "quickstart"), File.ReadAllLines(Path.Combine(root, "issues", "sample-subscribers.csv")).Count(l => l.Length > 0) - 1);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Quickstart_NoSampleListAndAnSmtpTransport_UsesTheBuiltInListAndStillTheOutbox()
    {
        using var workspace = new TestWorkspace();
        File.WriteAllText(workspace.PathOf("issues/2026-12-01-hello.md"), "---\ntitle: Hello\npreheader: A first look\n---\nHello.\n");
        // Nothing listens there: an attempt to use the server would fail the run.
        workspace.Configure(c => c["transport"] = $"smtp://127.0.0.1:{TestWorkspace.FreePort()}");

        var quickstart = workspace.Run("quickstart");

        AssertSentToOutbox(workspace.Root, quickstart, 10);
        Assert.That(quickstart.Output, Does.Contain("from the built-in sample list"));
    }
}
