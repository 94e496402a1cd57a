// A '#' after one blank ends an unquoted YAML value; the parser says so instead of dropping the text silently.
using Newsletter.Authoring;

namespace Newsletter.Tests.Authoring;

public class TrailingCommentsTests
{
    private const string Path = "issues/2026-12-01-notes.md";

    [Test]
    public void Parse_PlainTitleWithHashAfterOneSpace_WarnsAtTheHash()
    {
        var issue = IssueParser.Parse(Path, "---\ntitle: Build Notes #12\npreheader: P\n---\nBody\n");

        Assert.That(issue.Title, Is.EqualTo("Build Notes"), "YAML itself is not changed");
        var warning = issue.Warnings.Single();
        Assert.That(warning.Rule, Is.EqualTo("yaml-comment"));
        Assert.That((warning.Position.Path, warning.Position.Line, warning.Position.Column), Is.EqualTo((Path, 2, 20)));
        Assert.That(warning.Position.SourceLine, Is.EqualTo("title: Build Notes #12"));
        Assert.That(warning.Message, Does.Contain("'#12'").And.Contain("'title' is 'Build Notes'").And.Contain("title: \"Build Notes #12\""));
    }

    [TestCase("title: \"Build Notes #12\"", "Build Notes #12")]
    [TestCase("title: 'Build Notes #12'", "Build Notes #12")]
    [TestCase("title: Build Notes#12", "Build Notes#12")]
    [TestCase("title: Build Notes  # the working title", "Build Notes")]
    [TestCase("title: Build Notes\t\t# the working title", "Build Notes")]
    public void Parse_QuotedOrDeliberateComment_NoWarning(string line, string title)
    {
        var issue = IssueParser.Parse(Path, $"---\n{line}\n---\nBody\n");

        Assert.That(issue.Title, Is.EqualTo(title));
        Assert.That(issue.Warnings, Is.Empty);
    }

    [Test]
    public void Parse_NestedPollOptionCutByComment_WarnsWithItsKeyAndLine()
    {
        var issue = IssueParser.Parse(Path, "---\ntitle: T\npoll:\n  question: Which is #1?\n  options:\n    - label: Plan #A\n      value: 2\n    - B\n---\n");

        Assert.That(issue.Warnings.Select(w => (w.Position.Line, w.Position.Column)), Is.EqualTo(new[] { (4, 22), (6, 19) }));
        Assert.That(issue.Warnings[0].Message, Does.Contain("'poll.question' is 'Which is'").And.Contain("question: \"Which is #1?\""));
        Assert.That(issue.Warnings[1].Message, Does.Contain("'poll.options.label' is 'Plan'").And.Contain("label: \"Plan #A\""));
    }

    [Test]
    public void Parse_ValueThatIsOnlyAComment_WarnsThatItIsEmpty()
    {
        var issue = IssueParser.Parse(Path, "---\ntitle: T\npreheader: #12 is out\n---\n");

        Assert.That(issue.Preheader, Is.Empty);
        Assert.That(issue.Warnings.Single().Message, Does.Contain("'preheader' is empty").And.Contain("preheader: \"#12 is out\""));
        Assert.That(issue.Warnings.Single().Position.Column, Is.EqualTo(12));
    }

    [Test]
    public void Parse_TomlCommentAfterAValue_NoWarning()
    {
        var issue = IssueParser.Parse(Path, "+++\ntitle = \"T\"\nweight = 12 # sort order\n+++\nBody\n");

        Assert.That(issue.Meta["weight"], Is.EqualTo("12"));
        Assert.That(issue.Warnings, Is.Empty, "comments are TOML syntax, written on purpose");
    }
}
