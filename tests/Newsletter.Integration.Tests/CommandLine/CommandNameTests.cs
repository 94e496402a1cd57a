using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.CommandLine;

// The command runs as `dotnet Newsletter.Cli.dll` here, the way a file name would leak into help; people type `newsletter`.
public class CommandNameTests
{
    [Test]
    public void Help_RunFromTheDll_UsageSaysNewsletter()
    {
        var directory = Directory.CreateTempSubdirectory("newsletter-it-").FullName;
        try
        {
            var root = NewsletterCli.RunProcess(directory, "--help");
            var send = NewsletterCli.RunProcess(directory, "send", "--help");

            Assert.Multiple(() =>
            {
                Assert.That(root.ExitCode, Is.EqualTo(0), root.Error);
                Assert.That(root.Output, Does.Contain("Usage:\n  newsletter [command] [options]"));
                Assert.That(send.Output, Does.Contain("Usage:\n  newsletter send [<issue>] [options]"));
                Assert.That(root.Output + send.Output, Does.Not.Contain("Newsletter.Cli"));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void UnknownCommand_Misspelt_SuggestsAndShowsUsageAsNewsletter()
    {
        var directory = Directory.CreateTempSubdirectory("newsletter-it-").FullName;
        try
        {
            var result = NewsletterCli.RunProcess(directory, "sned");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1));
                Assert.That(result.Output, Does.Contain("Did you mean one of the following?\nsend"));
                Assert.That(result.Output, Does.Contain("  newsletter [command] [options]"));
                Assert.That(result.Error, Does.Contain("Unrecognized command or argument 'sned'"));
                Assert.That(result.Output + result.Error, Does.Not.Contain("Newsletter.Cli"));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
