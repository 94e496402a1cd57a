// Markdown that Markdig refuses as too deeply nested is the issue's error, not a crash.
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Rendering;

public class DeepMarkdownTests
{
    [TestCase("*a ", " a*")]
    [TestCase("[", "]")]
    public void Prepare_InlineNesting50000Deep_ThrowsIssueFormatExceptionNamingTheFile(string open, string close)
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("issues/2026-12-01-deep.md",
            "---\ntitle: Deep\n---\n" + string.Concat(Enumerable.Repeat(open, 50_000)) + "x" + string.Concat(Enumerable.Repeat(close, 50_000)) + "\n");
        var issue = IssueParser.Load(file);
        var links = new PersonalLinks("https://news.example.com", new LinkToken(new SigningKeyRing([new byte[32]]), TimeProvider.System));
        var info = new NewsletterInfo("N", "", "https://news.example.com/");

        var error = Assert.Throws<IssueFormatException>(() => IssueRenderer.Prepare(issue, new TemplateFolder(IssueRendererGoldenTests.RepositoryTemplatesPath()), links.Archive(issue.Slug),
            (html, text) => new EmailModel(issue, 1, html, text, info, links, [])))!;

        Assert.That(error.Message, Does.StartWith(file + "(4): the Markdown nests emphasis, links or blocks too deeply to convert"));
    }
}
