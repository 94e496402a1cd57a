using Newsletter.Authoring;

namespace Newsletter.Tests.Authoring;

public class BodyNestingTests
{
    private const string Path = "issues/2026-12-01-deep.md";
    private const string Head = "---\ntitle: Deep\n---\nIntro\n";

    [Test]
    public void Parse_100000QuoteMarkers_FailsAtTheFirstTooDeep()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, Head + new string('>', 100_000) + " hi\n"))!;

        Assert.That(error.Message, Does.StartWith(Path + "(5,33): the body nests block quotes ('>') more than 32 levels deep; flatten it"));
    }

    [Test]
    public void Parse_ListsNested1000Deep_FailsAtTheLine()
    {
        var body = string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', 2 * i) + "- x\n"));

        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, Head + body))!;

        Assert.That(error.Reason, Is.EqualTo("the body nests lists more than 32 levels deep; flatten it"));
        Assert.That(error.Position.Line, Is.EqualTo(5 + 33));
    }

    [Test]
    public void Parse_HtmlNested100000Deep_FailsAtTheColumn()
    {
        var body = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 100_000));

        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse(Path, Head + body))!;

        Assert.That(error.Reason, Is.EqualTo("the body nests HTML elements more than 128 levels deep; flatten it"));
        Assert.That((error.Position.Line, error.Position.Column), Is.EqualTo((5, 128 * 5 + 1)));
    }

    [Test]
    public void Parse_AtTheLimitsAndManyUnclosedParagraphs_Parses()
    {
        var body = string.Concat(Enumerable.Range(0, 32).Select(i => new string(' ', 2 * i) + "- x\n")) + "\n" +
            new string('>', 32) + " q\n\n" + string.Concat(Enumerable.Repeat("<div>", 128)) + string.Concat(Enumerable.Repeat("</div>", 128)) + "\n" +
            string.Concat(Enumerable.Repeat("<p>para<br>", 1000)) + "\n";

        Assert.That(IssueParser.Parse(Path, Head + body).Title, Is.EqualTo("Deep"));
    }
}
