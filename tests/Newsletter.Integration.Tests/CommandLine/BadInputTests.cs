using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.CommandLine;

public class BadInputTests
{
    [Test]
    public void Send_LiquidSyntaxErrorInLayout_NamesTemplatePositionAndSendsNothing()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.com");
        var layout = workspace.PathOf("templates/default.html.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("{{ issue.title | escape }}</h1>", "{{ issue.title | escape </h1>"));
        var result = workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Match(@"templates/default\.html\.liquid\(\d+,\d+\): "));
        Assert.That(Directory.Exists(workspace.PathOf("outbox")), Is.False);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.EqualTo(0));
    }

    [Test]
    public void Send_UnknownVariableInIssue_NamesIssueLineAndColumnAndSendsNothing()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada");
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text("Hello {{ subscriber.frist_name }}!"));
        var result = workspace.Run("send", issue);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        Assert.That(result.Error, Does.Contain($"{SampleIssue.Slug}.md(7,"));
        Assert.That(result.Error, Does.Contain("frist_name"));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.EqualTo(0));
    }

    [TestCase(">", "", "(4,33): the body nests block quotes")]
    [TestCase("<div>", "</div>", "(4,641): the body nests HTML elements")]
    [TestCase("*a ", " a*", "(4): error markdown: the Markdown nests emphasis")]
    [TestCase("{% if true %}", "{% endif %}", "(4,1301): error liquid: tags or expressions nested deeper than 100 levels")]
    public void Render_DeeplyNestedBody_FailsWithPositionInsteadOfCrashing(string open, string close, string expected)
    {
        using var workspace = new TestWorkspace();
        var body = string.Concat(Enumerable.Repeat(open, 60_000)) + "x" + string.Concat(Enumerable.Repeat(close, 60_000));
        var issue = workspace.Write("issues/2026-12-01-deep.md", "---\ntitle: Deep\n---\n" + body + "\n");

        var result = workspace.Run("render", issue, "--out", "out");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Contain("2026-12-01-deep.md" + expected));
        });
    }

    [Test]
    public void Render_BrokenFrontMatter_NamesLineAndColumn()
    {
        using var workspace = new TestWorkspace();
        var issue = workspace.Write("issues/2026-11-20-broken.md", "---\ntitle: Broken\nsubject: [oops\n---\nBody\n");
        var result = workspace.Run("render", issue, "--out", "out");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Match(@"2026-11-20-broken\.md\(\d+,\d+\): front matter is not valid YAML"));
        Assert.That(Directory.Exists(workspace.PathOf("out")), Is.False);
    }

    [Test]
    public void Import_CsvWithBadAddress_NamesLineAndImportsNothing()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,name\nada@example.com,Ada\nnot-an-address,Bob\ngrace@example.org,Grace\n");
        var result = workspace.Run("subscribers", "import", "list.csv", "--all-or-nothing");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("list.csv(3,1): 'not-an-address' has no '@'"));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.EqualTo(0));
    }

    [TestCase("subscribers|export|--status|gone", "error: --status 'gone' is not a status; use active, pending")]
    [TestCase("subscribers|add|bob@", "error: 'bob@' has no domain")]
    [TestCase("schedule|2026-11-20-x|--at|soon", "error: --at 'soon' is not a time")]
    [TestCase("stats|2026-11-20-never", "error: '2026-11-20-never' has not been sent yet")]
    [TestCase("subscribers|unsuppress|--reason|unsubscribed", "error: --reason 'unsubscribed' cannot be undone here")]
    public void Command_BadArgument_ExitsOneWithTheReasonOnce(string arguments, string expected)
    {
        using var workspace = new TestWorkspace();

        var result = workspace.Run(arguments.Split('|'));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
            Assert.That(result.Error, Does.StartWith(expected));
            Assert.That(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "one line, no stack trace");
        });
    }

    [Test]
    public void Send_Due_SendsOnlyIssuesWhoseTimeHasCome()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.com");
        workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text());
        workspace.Write("issues/2099-01-01-future.md", "---\ntitle: Future\nsend_at: 2099-01-01T07:00:00Z\n---\nLater.\n");
        var first = workspace.Run("send", "--due");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        Assert.That(Directory.GetFiles(workspace.PathOf($"outbox/{SampleIssue.Slug}")), Has.Length.EqualTo(1));
        Assert.That(Directory.Exists(workspace.PathOf("outbox/2099-01-01-future")), Is.False);
        var second = workspace.Run("send", "--due");
        Assert.That(second.Output, Does.Contain("No issue is due"));
    }
}
