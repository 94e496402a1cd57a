// "Never send an issue with errors": the send services' one check, which prepares the issue once.
using Newsletter.Authoring;
using Newsletter.Checks;
using Newsletter.Delivery;
using Newsletter.Rendering;
using Newsletter.Tests.Checks;
using Newsletter.Tests.Rendering;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Delivery;

public class PreSendCheckTests
{
    private static readonly string Templates = IssueRendererGoldenTests.RepositoryTemplatesPath();

    [Test]
    public void Ensure_ErrorFound_ThrowsWithTheErrorsListed()
    {
        using var temp = new TempWorkspace();
        var templates = IssueCheckerTests.CopyTemplates(temp, withoutUnsubscribe: true);
        var issue = IssueParser.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Checks", "every-fault.md"));

        var error = Assert.Throws<IssueCheckFailedException>(() => PreSendCheck.Ensure(issue, templates, i => IssueCheckerTests.Prepare(i, templates)))!;

        Assert.That(error.Message, Does.Contain("unsubscribe-missing"));
        Assert.That(error.Message, Does.Not.Contain("image-alt"), "warnings do not stop a send and are not listed as reasons");
    }

    [Test]
    public void Ensure_WarningsOnly_ReturnsThemForRenderAndSendToPrint()
    {
        using var temp = new TempWorkspace();
        var issue = IssueParser.Load(temp.Write("issues/2026-12-01-x.md", "---\ntitle: Notes #3\npreheader: P\n---\nText.\n"));

        var sendable = PreSendCheck.Ensure(issue, Templates, i => IssueCheckerTests.Prepare(i, Templates));

        Assert.That(sendable.Warnings.Findings.Select(f => f.Rule), Is.EqualTo(new[] { "yaml-comment" }));
    }

    [Test]
    public void Ensure_CleanIssue_PreparesOnceAndKeepsThatRenderer()
    {
        var issue = IssueParser.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "Golden", "2026-11-20-sample.md"));
        var prepared = new List<IssueRenderer>();

        var sendable = PreSendCheck.Ensure(issue, Templates, i => { prepared.Add(IssueCheckerTests.Prepare(i, Templates)); return prepared[^1]; });

        Assert.That(prepared, Has.Count.EqualTo(1));
        Assert.That(sendable.Renderer, Is.SameAs(prepared[0]));
        Assert.That(sendable.Issue, Is.SameAs(issue));
    }
}
