// Markdown written for a static-site tool may have no front matter and no heading: the file name gives the title.
using Newsletter.Authoring;

namespace Newsletter.Tests.Authoring;

public class TitleFromFileNameTests
{
    [Test]
    public void Parse_NeitherFrontMatterNorHeading_TakesTheTitleFromTheFileNameWithAWarning()
    {
        var issue = IssueParser.Parse("issues/2026-12-01-build-notes.md", "Some notes written elsewhere.\n\nMore.\n");

        Assert.That(issue.Title, Is.EqualTo("Build notes"));
        Assert.That(issue.Subject, Is.EqualTo("Build notes"));
        Assert.That(issue.Date, Is.EqualTo(new DateOnly(2026, 12, 1)));
        var warning = issue.Warnings.Single();
        Assert.That((warning.Rule, warning.Position.Line, warning.Position.Column), Is.EqualTo(("title-from-file-name", 1, 1)));
        Assert.That(warning.Message, Does.Contain("'Build notes'").And.Contain("file name"));
    }

    [Test]
    public void Parse_FirstHeading_StillWinsOverTheFileName()
    {
        var issue = IssueParser.Parse("issues/2026-12-01-build-notes.md", "# Real title\n\nText.\n");

        Assert.That(issue.Title, Is.EqualTo("Real title"));
        Assert.That(issue.Warnings, Is.Empty);
    }

    [Test]
    public void Parse_FrontMatterWithoutTitle_IsStillAnError()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("issues/2026-12-01-build-notes.md", "---\nsubject: S\n---\nText.\n"))!;

        Assert.That(error.Reason, Is.EqualTo("the front matter needs a 'title'"), "front matter written for this tool names its title");
    }

    [Test]
    public void Parse_FileNamedOnlyByDate_IsAnError()
    {
        var error = Assert.Throws<IssueFormatException>(() => IssueParser.Parse("issues/2026-12-01.md", "Text.\n"))!;

        Assert.That(error.Position.Line, Is.EqualTo(1));
    }

    [TestCase("issues/2026-12-01-build-notes.md", "Build notes")]
    [TestCase("2026-12-01_release_candidate.markdown", "Release candidate")]
    [TestCase("notes/2026-12-01-API-changes.md", "API changes")]
    [TestCase("weekly--digest.md", "Weekly digest")]
    [TestCase("élan-vital.md", "Élan vital")]
    [TestCase("2026-12-01.md", null)]
    [TestCase("2026-12-01---.md", null)]
    public void FileNameTitle_StripsTheDateAndDashesAndCapitalises(string path, string? title) =>
        Assert.That(IssueParser.FileNameTitle(path), Is.EqualTo(title));
}
