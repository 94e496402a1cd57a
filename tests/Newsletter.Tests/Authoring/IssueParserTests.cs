using Newsletter.Authoring;

namespace Newsletter.Tests.Authoring;

public class IssueParserTests
{
    private const string Path = "issues/2026-11-20-chaos.md";

    [Test]
    public void Parse_FullFrontMatter_ReadsEveryField()
    {
        var issue = IssueParser.Parse(Path, """
            ---
            title: Chaos, on purpose
            subject: "Chaos: on purpose"
            preheader: Breaking things safely
            send_at: 2026-11-20T07:00:00+01:00
            template: default
            edition: 12
            poll:
              question: Was this useful?
              options:
                - { label: "Yes", emoji: "👍", value: 2 }
                - { label: "No", emoji: "👎", value: 1 }
            ---
            Hello **world**.
            """);
        Assert.Multiple(() =>
        {
            Assert.That(issue.Slug, Is.EqualTo("2026-11-20-chaos"));
            Assert.That(issue.Title, Is.EqualTo("Chaos, on purpose"));
            Assert.That(issue.Subject, Is.EqualTo("Chaos: on purpose"));
            Assert.That(issue.Date, Is.EqualTo(new DateOnly(2026, 11, 20)));
            Assert.That(issue.SendAt, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero)));
            Assert.That(issue.Poll!.Question, Is.EqualTo("Was this useful?"));
            Assert.That(issue.Poll.Options.Select(o => o.Value), Is.EqualTo(new[] { 2, 1 }));
            Assert.That(issue.Meta["edition"], Is.EqualTo("12"));
            Assert.That(issue.Body.Trim(), Is.EqualTo("Hello **world**."));
            Assert.That(issue.BodyLine, Is.EqualTo(14));
        });
    }

    [Test]
    public void Parse_FrontMatterKeyIsASequence_NamesLineAndColumn()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, "---\ntitle: T\n? [a, b]\n: c\n---\nBody\n"))!;

        Assert.That(error.Message, Does.StartWith(Path + "(3,3): front matter keys must be plain words"));
    }

    [Test]
    public void Load_FileOver2MB_IsRefusedNamingTheFile()
    {
        using var workspace = new Newsletter.Tests.Support.TempWorkspace();
        var file = workspace.Write("issues/2026-12-01-big.md", "---\ntitle: Big\n---\n" + new string('x', (int)IssueParser.MaxFileBytes));

        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Load(file))!;

        Assert.That(error.Message, Is.EqualTo(file + ": the issue is 2.0 MB; an issue file may be at most 2 MB (Gmail clips an email's HTML at 102 KB)"));
    }

    [Test]
    public void Parse_TextOver2MBInUtf8_IsRefused()
    {
        var text = "---\ntitle: Big\n---\n" + new string('é', (int)(IssueParser.MaxFileBytes / 2));

        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, text))!;

        Assert.That(error.Reason, Does.StartWith("the issue is 2.0 MB"));
    }

    [Test]
    public void Load_FileJustUnder2MB_Parses()
    {
        using var workspace = new Newsletter.Tests.Support.TempWorkspace();
        var head = "---\ntitle: Big\n---\n";
        var file = workspace.Write("issues/2026-12-01-big.md", head + new string('x', (int)IssueParser.MaxFileBytes - head.Length));

        Assert.That(IssueParser.Load(file).Title, Is.EqualTo("Big"));
    }

    [Test]
    public void Parse_NoPollKey_UsesDefaultFiveOptionPoll()
    {
        var issue = IssueParser.Parse(Path, "---\ntitle: T\n---\nBody\n");
        Assert.That(issue.Poll!.Question, Is.EqualTo("How would you rate today's newsletter?"));
        Assert.That(issue.Poll.Options, Has.Count.EqualTo(5));
        Assert.That(issue.Subject, Is.EqualTo("T"));
    }

    [Test]
    public void Parse_PollFalse_HasNoPoll() =>
        Assert.That(IssueParser.Parse(Path, "---\ntitle: T\npoll: false\n---\nBody\n").Poll, Is.Null);

    [Test]
    public void Parse_BrokenYaml_NamesFileLineAndColumn()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, "---\ntitle: T\nsubject: [unclosed\n---\nBody\n"))!;
        Assert.That(error.Message, Does.StartWith(Path + "("));
        Assert.That(error.Position.Line, Is.GreaterThanOrEqualTo(3));
        Assert.That(error.Reason, Does.StartWith("front matter is not valid YAML"));
    }

    [Test]
    public void Parse_MissingTitle_IsAnError()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, "---\nsubject: S\n---\nBody\n"))!;
        Assert.That(error.Reason, Is.EqualTo("the front matter needs a 'title'"));
    }

    [Test]
    public void Parse_NoFrontMatter_TakesTitleFromFirstHeading()
    {
        var issue = IssueParser.Parse("notes.md", "# Weekly notes\n\nText.\n");
        Assert.That(issue.Title, Is.EqualTo("Weekly notes"));
        Assert.That(issue.Date, Is.Null);
    }

    [Test]
    public void Parse_SendAtWithoutOffset_PointsAtTheValue()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, "---\ntitle: T\nsend_at: 2026-11-20T07:00:00\n---\n"))!;
        Assert.That(error.Position.Line, Is.EqualTo(3));
        Assert.That(error.Position.Column, Is.EqualTo(10));
        Assert.That(error.Reason, Does.Contain("UTC offset"));
        Assert.That(error.Message, Does.Contain("send_at: 2026-11-20T07:00:00"), "quotes the source line");
    }

    [Test]
    public void Parse_UnterminatedFrontMatter_IsAnError()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, "---\ntitle: T\nBody\n"))!;
        Assert.That(error.Position.Line, Is.EqualTo(1));
        Assert.That(error.Reason, Does.Contain("no closing '---'"));
    }

    [Test]
    public void Parse_DuplicatePollValues_AreRejected()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path,
            "---\ntitle: T\npoll:\n  options:\n    - { label: A, value: 1 }\n    - { label: B, value: 1 }\n---\n"))!;
        Assert.That(error.Reason, Does.Contain("two poll options have the value 1"));
        Assert.That(error.Position.Line, Is.EqualTo(6));
    }

    [Test]
    public void Parse_CaseStudiesFixture_Parses()
    {
        var fixture = System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "example-case-studies.md");
        var issue = IssueParser.Load(fixture);
        Assert.That(issue.Title, Is.EqualTo("Elite Engineering"));
        Assert.That(issue.Meta["description"], Does.Contain("overview"));
    }
}
