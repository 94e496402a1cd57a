// What the issue parser warns about reaches `check`, and `render` and `send` through PreSendCheck.
using Newsletter.Checks;
using Newsletter.Tests.Rendering;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Checks;

public class ParserWarningTests
{
    private static readonly string Templates = IssueRendererGoldenTests.RepositoryTemplatesPath();

    private static CheckReport Check(string path) => IssueChecker.Check(path, Templates, issue => IssueCheckerTests.Prepare(issue, Templates));

    [Test]
    public void Check_ParserWarnings_AreReportedAsWarningFindings()
    {
        using var temp = new TempWorkspace();
        var path = temp.Write("issues/2026-12-01-build-notes.md", "---\ntitle: Build Notes #12\npreheader: P\n---\nText.\n");

        var finding = Check(path).Findings.Single();

        Assert.That((finding.Severity, finding.Rule, finding.Position.Line, finding.Position.Column), Is.EqualTo((CheckSeverity.Warning, "yaml-comment", 2, 20)));
        Assert.That(finding.ToString(), Does.StartWith(path + "(2,20): warning yaml-comment: "));
    }

    [Test]
    public void Check_TitleFromFileName_IsAWarningAndNotAnError()
    {
        using var temp = new TempWorkspace();
        var path = temp.Write("issues/2026-12-01-build-notes.md", "Text written for another tool.\n");

        var report = Check(path);

        Assert.That(report.HasErrors, Is.False, string.Join('\n', report.Findings));
        Assert.That(report.Findings.Select(f => f.Rule), Does.Contain("title-from-file-name"));
    }
}
