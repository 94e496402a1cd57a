// `check` on local images: a missing file or an unpublishable path is an error at the image's line and column.
using Newsletter.Checks;
using Newsletter.Tests.Rendering;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Checks;

public class LocalImageRulesTests
{
    private static readonly string Templates = IssueRendererGoldenTests.RepositoryTemplatesPath();

    private static CheckReport Check(string path) => IssueChecker.Check(path, Templates, issue => IssueCheckerTests.Prepare(issue, Templates));

    [Test]
    public void Check_LocalImageMissing_IsAnErrorAtItsLineAndColumn()
    {
        using var temp = new TempWorkspace();
        var path = temp.Write("issues/2026-12-01-x.md", "---\ntitle: T\npreheader: P\n---\nText.\n\n![A chart](images/chart.png){width=600}\n");

        var finding = Check(path).Findings.Single(f => f.Rule == "image-missing");

        Assert.That(finding.Severity, Is.EqualTo(CheckSeverity.Error));
        Assert.That((finding.Position.Path, finding.Position.Line, finding.Position.Column), Is.EqualTo((path, 7, 12)));
        Assert.That(finding.Message, Does.Contain("'images/chart.png' does not exist")
            .And.Contain(Path.Combine("2026-12-01-x", "images", "chart.png")));
    }

    [TestCase("issues/images/chart.png")]
    [TestCase("issues/2026-12-01-x/images/chart.png")]
    public void Check_LocalImagePresent_NoImageErrorAndNoRelativeLinkWarning(string file)
    {
        using var temp = new TempWorkspace();
        temp.Write(file, "PNG");
        var path = temp.Write("issues/2026-12-01-x.md", "---\ntitle: T\npreheader: P\n---\n<img src=\"images/chart.png\" alt=\"A chart\" width=\"600\">\n");

        var report = Check(path);

        Assert.That(report.Findings, Is.Empty, string.Join('\n', report.Findings));
    }

    [TestCase("../secret.png", "image-path")]
    [TestCase("images/logo.svg", "image-path")]
    [TestCase("images/missing.png", "image-missing")]
    public void Check_UnpublishableOrMissingImage_IsAnError(string src, string rule)
    {
        using var temp = new TempWorkspace();
        temp.Write("secret.png", "PNG");
        temp.Write("issues/images/logo.svg", "<svg/>");
        var path = temp.Write("issues/2026-12-01-x.md", $"---\ntitle: T\npreheader: P\n---\n![x]({src})\n");

        var report = Check(path);

        Assert.That(report.Findings.Where(f => f.Severity == CheckSeverity.Error).Select(f => (f.Rule, f.Position.Line)), Is.EqualTo(new[] { (rule, 5) }));
    }

    [Test]
    public void Check_RemoteAndLiquidImages_AreNotLookedForOnDisk()
    {
        using var temp = new TempWorkspace();
        var path = temp.Write("issues/2026-12-01-x.md",
            "---\ntitle: T\npreheader: P\n---\n<img src=\"https://cdn.example.com/a.png\" alt=\"\" width=\"10\"><img src=\"{{ newsletter.url }}logo.png\" alt=\"\" width=\"10\">\n");

        Assert.That(Check(path).Findings.Where(f => f.Rule.StartsWith("image-")), Is.Empty);
    }
}
