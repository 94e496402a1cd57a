using Newsletter.Authoring;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Authoring;

public class WelcomeIssueTests
{
    private TempWorkspace _workspace = null!;

    [SetUp]
    public void SetUp() => _workspace = new TempWorkspace();

    [TearDown]
    public void TearDown() => _workspace.Dispose();

    [TestCase("true", true)]
    [TestCase("yes", true)]
    [TestCase("false", false)]
    public void Parse_WelcomeKey_SetsWelcome(string value, bool expected)
    {
        var issue = IssueParser.Parse("issues/welcome.md", $"---\ntitle: Hello\nwelcome: {value}\n---\nBody\n");
        Assert.That(issue.Welcome, Is.EqualTo(expected));
        Assert.That(issue.Meta.ContainsKey("welcome"), Is.False);
    }

    [Test]
    public void Parse_WelcomeNotABoolean_NamesFileAndLine()
    {
        var e = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("issues/welcome.md", "---\ntitle: Hello\nwelcome: sometimes\n---\nBody\n"));
        Assert.That(e!.Message, Does.Contain("issues/welcome.md(3,").And.Contain("'welcome' must be true or false, not 'sometimes'"));
    }

    [Test]
    public void Find_OneWelcomeIssue_ReturnsIt()
    {
        _workspace.Write("issues/2026-11-20-news.md", "---\ntitle: News\n---\nBody\n");
        _workspace.Write("issues/welcome.md", "---\ntitle: Hello\nwelcome: true\n---\nBody\n");
        Assert.That(WelcomeIssue.Find(_workspace.PathOf("issues"))?.Slug, Is.EqualTo("welcome"));
    }

    [Test]
    public void Find_NoWelcomeIssue_ReturnsNull()
    {
        _workspace.Write("issues/2026-11-20-news.md", "---\ntitle: News\n---\nBody\n");
        Assert.That(WelcomeIssue.Find(_workspace.PathOf("issues")), Is.Null);
        Assert.That(WelcomeIssue.Find(_workspace.PathOf("missing")), Is.Null);
    }

    [Test]
    public void Find_TwoWelcomeIssues_ErrorNamesBothFiles()
    {
        var first = _workspace.Write("issues/a-welcome.md", "---\ntitle: Hello\nwelcome: true\n---\nBody\n");
        var second = _workspace.Write("issues/b-welcome.md", "---\ntitle: Hello again\nwelcome: true\n---\nBody\n");
        var e = Assert.Throws<IssueFormatException>(() => WelcomeIssue.Find(_workspace.PathOf("issues")));
        Assert.That(e!.Message, Does.Contain(first).And.Contain(second).And.Contain("welcome: true"));
        Assert.That(e.Position.Path, Is.EqualTo(second));
        Assert.That(e.Position.Line, Is.EqualTo(3), "the line of the second file's welcome key");
    }
}
