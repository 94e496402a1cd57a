using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Rendering;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Rendering;

// Golden files: each Golden/NAME.md renders (with the product's default templates) to NAME.expected.html and
// NAME.expected.txt. After an intended change, `bash tests/update-golden.sh` rewrites them; then review the diff.
public class IssueRendererGoldenTests
{
    private static string Here => Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "Golden");

    private static IEnumerable<string> Cases() =>
        Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "Golden"), "*.md")
            .Select(Path.GetFileNameWithoutExtension).Order()!;

    [TestCaseSource(nameof(Cases))]
    public void Render_GoldenIssue_MatchesExpectedHtmlAndText(string name)
    {
        var rendered = Render(Path.Combine(Here, name + ".md"));
        Compare(name + ".expected.html", rendered.Html);
        Compare(name + ".expected.txt", rendered.Text);
    }

    [Test]
    public void Render_CaseStudiesFixture_RendersWithoutError()
    {
        var rendered = Render(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "example-case-studies.md"));
        Assert.That(rendered.Html, Does.Contain("Elite Engineering Case Studies"));
        Assert.That(rendered.Html, Does.Contain("mermaid"));
        Assert.That(rendered.Text, Does.Contain("Featured Case Studies"));
    }

    [Test]
    public void Render_SampleIssue_InlinesStylesAndPersonalisesLinks()
    {
        var rendered = Render(Path.Combine(Here, "2026-11-20-sample.md"));
        Assert.That(rendered.Html, Does.Match("<h2 [^>]*style=\"font-size: 13px"), "body headings get the stylesheet inlined");
        Assert.That(rendered.Html, Does.Contain("@media (prefers-color-scheme: dark)"), "media queries stay in <style>");
        Assert.That(rendered.Html, Does.Match("class=\"poll-option\"[^>]*style=\"display: inline-block"), "partials are inlined too");
        Assert.That(rendered.Html, Does.Contain("Hi Ada,"));
        Assert.That(rendered.Text.Split('\n').Where(l => !l.Contains("http")).Max(l => l.Length), Is.LessThanOrEqualTo(78));
    }

    [TestCaseSource(nameof(Cases))]
    public void Render_GoldenIssue_TitleIsTheSubjectAndNoTemplateResidueRemains(string name)
    {
        var rendered = Render(Path.Combine(Here, name + ".md"));
        var title = System.Text.RegularExpressions.Regex.Match(rendered.Html, "<title>(.*?)</title>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.That(System.Net.WebUtility.HtmlDecode(title.Groups[1].Value), Is.EqualTo(rendered.Subject));
        foreach (var (part, text) in new[] { ("subject", rendered.Subject), ("html", WithoutCode(rendered.Html)), ("text", rendered.Text) })
            Assert.That(text, Does.Not.Contain("lq:").And.Not.Contain("LIQ0PH").And.Not.Contain("data-lq-").And.Not.Contain("{{").And.Not.Contain("{%"), part);
    }

    // Code samples may show Liquid on purpose.
    private static string WithoutCode(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<(code|pre)\\b.*?</\\1>", "", System.Text.RegularExpressions.RegexOptions.Singleline);

    internal static RenderedEmail Render(string file)
    {
        var issue = IssueParser.Load(file);
        var keys = new SigningKeyRing([new byte[32]]);
        var links = new PersonalLinks("https://news.example.com", new LinkToken(keys, new ManualClock(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero))));
        var info = new NewsletterInfo("The Resilient Engineer", "1 Example Street, Berlin", "https://news.example.com/");
        var templates = new TemplateFolder(RepositoryTemplates());
        var renderer = IssueRenderer.Prepare(issue, templates, links.Archive(issue.Slug), (html, text) => new EmailModel(issue, 7, html, text, info, links, ["company"]));
        return renderer.Render(new Subscriber(42, "ada@example.com", "Ada Lovelace", new Dictionary<string, string> { ["company"] = "Engines" }, SubscriberStatus.Active));
    }

    internal static string RepositoryTemplatesPath() => RepositoryTemplates();

    private static string RepositoryTemplates()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Newsletter.sln"))) return Path.Combine(dir.FullName, "templates");
        throw new DirectoryNotFoundException("repository root with templates/ not found");
    }

    private static void Compare(string expectedName, string actual)
    {
        var source = Path.Combine(SourceGoldenFolder(), expectedName);
        // Only tests/update-golden.sh passes this parameter: no environment left set in a shell rewrites a golden file.
        if (TestContext.Parameters.Get("update-golden", "") == "yes") File.WriteAllText(source, actual);
        Assert.That(File.Exists(Path.Combine(Here, expectedName)) || File.Exists(source), Is.True, $"missing golden file {expectedName}; run bash tests/update-golden.sh");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(source)), $"{expectedName} differs; if intended, run bash tests/update-golden.sh and review the diff");
    }

    private static string SourceGoldenFolder() => Path.Combine(Path.GetDirectoryName(RepositoryTemplates())!, "tests", "Newsletter.Tests", "Rendering", "Golden");
}
