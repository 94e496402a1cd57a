using Newsletter.Cli;
using Newsletter.Integration.Tests.Support;
using Spectre.Console;

namespace Newsletter.Integration.Tests.CommandLine;

public class TerminalOutputTests
{
    private const char Escape = '\u001b';

    [Test]
    public void Settings_OutputRedirected_TableWithStyledTitleHasNoEscapes()
    {
        var written = Write(TerminalOutput.Settings(outputRedirected: true, noColor: null, new StringWriter()));

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain("Title"));
            Assert.That(written, Does.Not.Contain(Escape));
        });
    }

    [Test]
    public void Settings_ColourTerminal_SameTableIsStyled()
    {
        // The control: the table does carry styles where escape sequences are allowed.
        var settings = new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.Standard };

        Assert.That(Write(settings), Does.Contain(Escape));
    }

    [TestCase("1", ColorSystemSupport.NoColors)]
    [TestCase("", ColorSystemSupport.Detect)]
    [TestCase(null, ColorSystemSupport.Detect)]
    public void Settings_OnATerminal_NoColorSetAndNotEmptyTurnsColourOff(string? noColor, ColorSystemSupport expected)
    {
        var settings = TerminalOutput.Settings(outputRedirected: false, noColor, new StringWriter());

        Assert.Multiple(() =>
        {
            Assert.That(settings.ColorSystem, Is.EqualTo(expected));
            Assert.That(settings.Ansi, Is.EqualTo(AnsiSupport.Detect), "a live progress bar still moves the cursor");
        });
    }

    [Test]
    public void Stats_PipedToAFile_PrintsPlainTables()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.org", "--name", "Ada");
        Assert.That(workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text())).ExitCode, Is.EqualTo(0));

        // The terminal type says colours work; the output is a pipe all the same (a real one: the process's).
        var stats = NewsletterCli.RunProcess(workspace.Root, new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" }, "stats");
        var list = NewsletterCli.RunProcess(workspace.Root, new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, "subscribers", "list");

        Assert.Multiple(() =>
        {
            Assert.That(stats.ExitCode, Is.EqualTo(0), stats.Error);
            Assert.That(stats.Output, Does.Contain("Résumé of resilience"));
            Assert.That(stats.Output, Does.Contain("delivered 1"));
            Assert.That(stats.Output, Does.Not.Contain(Escape));
            Assert.That(list.Output, Does.Contain("ada@example.org"));
            Assert.That(list.Output, Does.Not.Contain(Escape));
        });
    }

    private static string Write(AnsiConsoleSettings settings)
    {
        var console = AnsiConsole.Create(settings);
        console.Write(new Table().Title("Title").Caption("caption").AddColumns("A", "B").AddRow("1", "2"));
        return settings.Out!.Writer.ToString()!;
    }
}
