// Front matter written for other tools: TOML (Hugo), Pelican header lines, and none at all.
using Newsletter.Authoring;

namespace Newsletter.Tests.Authoring;

public class FrontMatterFormatsTests
{
    [Test]
    public void Parse_TomlFrontMatter_ReadsFieldsAndPoll()
    {
        var issue = IssueParser.Parse("issues/2026-11-21-toml.md", """
            +++
            title = "Written for Hugo"
            subject = 'A "literal" subject'
            date = 2026-11-21
            tags = ["go", "hugo"]  # a comment
            [poll]
            question = "Useful?"
            options = ["Yes", "No"]
            +++
            Body text.
            """);
        Assert.That(issue.Title, Is.EqualTo("Written for Hugo"));
        Assert.That(issue.Subject, Is.EqualTo("A \"literal\" subject"));
        Assert.That(issue.Date, Is.EqualTo(new DateOnly(2026, 11, 21)));
        Assert.That(issue.Poll!.Question, Is.EqualTo("Useful?"));
        Assert.That(issue.Poll.Options.Select(o => o.Label), Is.EqualTo(new[] { "Yes", "No" }));
        Assert.That(issue.Body.Trim(), Is.EqualTo("Body text."));
        Assert.That(issue.BodyLine, Is.EqualTo(10));
    }

    [Test]
    public void Parse_TomlBadValue_ReportsTheFileLine()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("x.md", "+++\ntitle = \"ok\"\nsend_at = \"tomorrow\"\n+++\nBody"))!;
        Assert.That(error.Position.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.StartWith("x.md(3,"));
        Assert.That(error.Reason, Does.Contain("send_at"));
    }

    [Test]
    public void Parse_TomlLineThatIsNotKeyValue_ReportsItsPositionAndWhatWasExpected()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("x.md", "+++\ntitle = \"ok\"\nthis is not toml\n+++\n"))!;
        Assert.That(error.Position.Line, Is.EqualTo(3));
        Assert.That(error.Position.Column, Is.EqualTo(6), "at the word where '=' was expected");
        Assert.That(error.Reason, Does.StartWith("front matter is not valid TOML:").And.Contain("="));
    }

    [Test]
    public void Parse_TomlDuplicateKey_IsAnErrorAtTheSecondOne()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("x.md", "+++\ntitle = \"a\"\npreheader = \"p\"\ntitle = \"b\"\n+++\n"))!;
        Assert.That(error.Position.Line, Is.EqualTo(4));
        Assert.That(error.Reason, Does.Contain("title"));
    }

    [Test]
    public void Parse_TomlArrayOfTablesAndMultiLineString_ReadAsTomlMeansThem()
    {
        var issue = IssueParser.Parse("x.md", """"
            +++
            title = "Hugo's way"
            preheader = """
            Two lines \
            joined"""
            [poll]
            question = "Useful?"
            [[poll.options]]
            label = "Yes"
            emoji = "👍"
            [[poll.options]]
            label = "No"
            emoji = "👎"
            +++
            Body
            """");
        Assert.That(issue.Preheader, Is.EqualTo("Two lines joined"));
        Assert.That(issue.Poll!.Question, Is.EqualTo("Useful?"));
        Assert.That(issue.Poll.Options.Select(o => o.Emoji + o.Label), Is.EqualTo(new[] { "👍Yes", "👎No" }));
        Assert.That(issue.BodyLine, Is.EqualTo(15));
    }

    [Test]
    public void Parse_TomlFieldErrorInsideATable_PointsAtItsLine()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("x.md", "+++\ntitle = \"ok\"\n[poll]\nquestion = \"Q\"\noptions = [\"Only one\"]\n+++\n"))!;
        Assert.That(error.Position.Line, Is.EqualTo(5));
    }

    [Test]
    public void Parse_UnclosedTomlBlock_NamesTheMissingLine()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("x.md", "+++\ntitle = \"ok\"\nBody"))!;
        Assert.That(error.Position.Line, Is.EqualTo(1));
        Assert.That(error.Reason, Does.Contain("no closing '+++' line"));
    }

    [Test]
    public void Parse_PelicanHeader_ReadsTitleDateAndSummaryAsPreheader()
    {
        var issue = IssueParser.Parse("issues/post.md", """
            Title: Written for Pelican
            Date: 2026-11-22 10:20
            Tags: python, static sites
            Summary: The preview text

            First paragraph.
            """);
        Assert.That(issue.Title, Is.EqualTo("Written for Pelican"));
        Assert.That(issue.Date, Is.EqualTo(new DateOnly(2026, 11, 22)));
        Assert.That(issue.Preheader, Is.EqualTo("The preview text"));
        Assert.That(issue.Meta["tags"], Is.EqualTo("python, static sites"));
        Assert.That(issue.Body.Trim(), Is.EqualTo("First paragraph."));
        Assert.That(issue.BodyLine, Is.EqualTo(5));
    }

    [Test]
    public void Parse_PelicanBadDate_ReportsLineOne()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("p.md", "Date: someday\nTitle: T\n\nBody"))!;
        Assert.That(error.Position.Line, Is.EqualTo(1));
        Assert.That(error.Reason, Does.Contain("'date'"));
    }

    [Test]
    public void Parse_ProseStartingWithAColon_IsNotTakenForAHeader()
    {
        var issue = IssueParser.Parse("p.md", "# Real title\n\nNote: this is prose.\n");
        Assert.That(issue.Title, Is.EqualTo("Real title"));
        Assert.That(issue.Body, Does.Contain("Note: this is prose."));
    }

    [Test]
    public void Parse_NoFrontMatter_TitleFromFirstHeadingWhichLeavesTheBodyKeepingLineNumbers()
    {
        var issue = IssueParser.Parse("issues/2026-11-23-plain.md", "# Plain Markdown\n\nHello.\n");
        Assert.That(issue.Title, Is.EqualTo("Plain Markdown"));
        Assert.That(issue.Body, Does.Not.Contain("# Plain Markdown"));
        Assert.That(issue.Body.Split('\n')[2], Is.EqualTo("Hello."), "line 3 of the file is still line 3 of the body");
        Assert.That(issue.Date, Is.EqualTo(new DateOnly(2026, 11, 23)));
    }
}
