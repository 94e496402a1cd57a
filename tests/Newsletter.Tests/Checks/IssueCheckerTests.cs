// `newsletter check` rules, run on a file with every fault and on files with one fault each.
using Newsletter.Authoring;
using Newsletter.Checks;
using Newsletter.Rendering;
using Newsletter.Tests.Rendering;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Checks;

public class IssueCheckerTests
{
    private static string EveryFault => Path.Combine(TestContext.CurrentContext.TestDirectory, "Checks", "every-fault.md");

    [Test]
    public void Check_FileWithEveryFault_ReportsEachRuleWithPosition()
    {
        using var temp = new TempWorkspace();
        var templates = CopyTemplates(temp, withoutUnsubscribe: true);
        var report = IssueChecker.Check(EveryFault, templates, issue => Prepare(issue, templates));
        var rules = report.Findings.Select(f => (f.Severity, f.Rule)).ToList();

        Assert.That(rules, Does.Contain((CheckSeverity.Warning, "link-relative")));
        Assert.That(rules, Does.Contain((CheckSeverity.Warning, "link-http")));
        Assert.That(report.Findings.Count(f => f.Rule == "link-malformed"), Is.EqualTo(2), "a URL with a space and a javascript: URL");
        Assert.That(rules, Does.Contain((CheckSeverity.Warning, "image-alt")));
        Assert.That(report.Findings.Count(f => f.Rule == "image-width"), Is.EqualTo(2));
        Assert.That(rules, Does.Contain((CheckSeverity.Warning, "subject-length")));
        Assert.That(rules, Does.Contain((CheckSeverity.Warning, "preheader-empty")));
        Assert.That(report.Findings.Count(f => f.Rule == "unsubscribe-missing" && f.Severity == CheckSeverity.Error), Is.EqualTo(2));
        Assert.That(report.Findings.Where(f => f.Rule == "css-support").Select(f => f.Message),
            Has.Some.StartsWith("position is not supported in Gmail and Outlook").And.Some.StartsWith("display: grid"));
        Assert.That(report.HasErrors, Is.True);

        var relative = report.Findings.Single(f => f.Rule == "link-relative");
        Assert.That(relative.ToString(), Does.StartWith(EveryFault + "(7,"));
        Assert.That(relative.Position.SourceLine, Does.Contain("next-part.html"));
        var http = report.Findings.Single(f => f.Rule == "link-http");
        Assert.That((http.Position.Line, http.Position.Column), Is.EqualTo((7, 56)));
        Assert.That(report.Findings.Single(f => f.Rule == "subject-length").Position.Line, Is.EqualTo(3));
    }

    [Test]
    public void Check_SampleIssueWithDefaultTemplates_IsClean()
    {
        var file = Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "Golden", "2026-11-20-sample.md");
        var templates = IssueRendererGoldenTests.RepositoryTemplatesPath();
        var report = IssueChecker.Check(file, templates, issue => Prepare(issue, templates));
        Assert.That(report.Findings, Is.Empty, string.Join('\n', report.Findings));
        Assert.That(report.HtmlBytes, Is.InRange(5_000, MessageRules.WarnBytes));
        Assert.That(report.TextBytes, Is.GreaterThan(1_000));
    }

    [Test]
    public void Check_FrontMatterError_IsAnErrorAtItsLine()
    {
        using var temp = new TempWorkspace();
        var file = temp.Write("issues/bad.md", "---\ntitle: T\nsend_at: tomorrow\n---\nBody\n");
        var report = IssueChecker.Check(file, null, issue => Prepare(issue, IssueRendererGoldenTests.RepositoryTemplatesPath()));
        var finding = report.Findings.Single();
        Assert.That((finding.Severity, finding.Rule, finding.Position.Line), Is.EqualTo((CheckSeverity.Error, "front-matter", 3)));
    }

    [Test]
    public void Check_MisspeltMergeField_IsALiquidErrorAtItsLineAndColumn()
    {
        using var temp = new TempWorkspace();
        var file = temp.Write("issues/bad.md", "---\ntitle: T\npreheader: P\n---\n\nHi {{ subscriber.frist_name }}\n");
        var report = IssueChecker.Check(file, null, issue => Prepare(issue, IssueRendererGoldenTests.RepositoryTemplatesPath()));
        var finding = report.Findings.Single();
        Assert.That((finding.Severity, finding.Rule, finding.Position.Line), Is.EqualTo((CheckSeverity.Error, "liquid", 6)));
        Assert.That(finding.Position.Column, Is.GreaterThan(0));
    }

    [TestCase(80, null)]
    [TestCase(96, CheckSeverity.Warning)]
    [TestCase(110, CheckSeverity.Error)]
    public void Check_HtmlSize_WarnsOver90KbAndFailsOver102Kb(int kilobytes, CheckSeverity? expected)
    {
        using var temp = new TempWorkspace();
        var templates = IssueRendererGoldenTests.RepositoryTemplatesPath();
        CheckReport CheckWith(int paragraphs) => IssueChecker.Check(
            temp.Write($"issues/big-{paragraphs}.md", "---\ntitle: Big\npreheader: P\n---\n" +
                string.Concat(Enumerable.Repeat("Words that fill the issue until it is as large as the test needs.\n\n", paragraphs))),
            templates, issue => Prepare(issue, templates));
        // Calibrate: the layout's own size plus a measured size per paragraph.
        var empty = CheckWith(0).HtmlBytes;
        var perParagraph = (CheckWith(100).HtmlBytes - empty) / 100.0;
        var report = CheckWith((int)((kilobytes * 1024 - empty) / perParagraph));
        Assert.That(report.HtmlBytes / 1024.0, Is.EqualTo(kilobytes).Within(1));
        var size = report.Findings.SingleOrDefault(f => f.Rule == "html-size");
        Assert.That(size?.Severity, Is.EqualTo(expected), $"HTML is {report.HtmlBytes} bytes");
    }

    [Test]
    public void CssSupport_Table_HasOnlyKnownKindsAndSupportValues()
    {
        Assert.That(CssSupport.Default.Features, Has.Count.GreaterThan(10));
        Assert.That(CssSupport.Default.Features.Select(f => f.Kind).Distinct(), Is.SubsetOf(new[] { "property", "value", "function", "at-rule" }));
        Assert.That(CssSupport.Default.Features.SelectMany(f => new[] { f.Gmail, f.Outlook }).Distinct(), Is.SubsetOf(new[] { "yes", "partial", "no" }));
    }

    internal static IssueRenderer Prepare(Issue issue, string templates)
    {
        var links = new PersonalLinks("https://news.example.com", new LinkToken(new SigningKeyRing([new byte[32]]), new ManualClock(DateTimeOffset.UnixEpoch)));
        var info = new NewsletterInfo("The Resilient Engineer", "1 Example Street, Berlin", "https://news.example.com/");
        return IssueRenderer.Prepare(issue, new TemplateFolder(templates), links.Archive(issue.Slug), (html, text) => new EmailModel(issue, 7, html, text, info, links, []));
    }

    internal static string CopyTemplates(TempWorkspace temp, bool withoutUnsubscribe)
    {
        var source = IssueRendererGoldenTests.RepositoryTemplatesPath();
        var target = temp.PathOf("templates");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            temp.Write(Path.Combine("templates", Path.GetRelativePath(source, file)), File.ReadAllText(file));
        if (withoutUnsubscribe)
            foreach (var footer in Directory.EnumerateFiles(Path.Combine(target, "partials"), "footer.*"))
                File.WriteAllText(footer, File.ReadAllText(footer).Replace("{{ unsubscribe_url }}", "{{ newsletter.url }}"));
        return target;
    }
}
