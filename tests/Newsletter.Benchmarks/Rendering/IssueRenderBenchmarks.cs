// The default design end to end: preparing an issue once (Markdown, CSS inlining, parsing), rendering it per subscriber, and checking it.
using BenchmarkDotNet.Attributes;
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Checks;
using Newsletter.Rendering;
using Newsletter.Signing;

namespace Newsletter.Benchmarks.Rendering;

[MemoryDiagnoser]
public class IssueRenderBenchmarks
{
    private Issue issue = null!;
    private TemplateFolder templates = null!;
    private IssueRenderer renderer = null!;
    private PersonalLinks links = null!;
    private string issuePath = "";
    private readonly Subscriber subscriber = new(42, "ada@example.com", "Ada Lovelace", new Dictionary<string, string>(), SubscriberStatus.Active);

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        issuePath = Path.Combine(root, "tests", "Newsletter.Tests", "Rendering", "Golden", "2026-11-27-markdown-anywhere.md");
        issue = IssueParser.Load(issuePath);
        templates = new TemplateFolder(Path.Combine(root, "templates"));
        links = new PersonalLinks("https://news.example.com", new LinkToken(new SigningKeyRing([new byte[32]]), TimeProvider.System));
        renderer = Prepare(issue);
    }

    /// <summary>Once per issue and send: Markdown, callouts, CSS inlining, Liquid parsing and the as-written check.</summary>
    [Benchmark]
    public IssueRenderer PrepareIssue() => Prepare(issue);

    /// <summary>Once per subscriber: Liquid evaluation with signed personal links.</summary>
    [Benchmark(Baseline = true)]
    public RenderedEmail RenderForSubscriber() => renderer.Render(subscriber);

    /// <summary>The `check` command's work on the issue (prepare, render, every rule).</summary>
    [Benchmark]
    public CheckReport CheckIssue() => IssueChecker.Check(issuePath, templates.Path, Prepare);

    private IssueRenderer Prepare(Issue source)
    {
        var info = new NewsletterInfo("The Resilient Engineer", "1 Example Street, Berlin", "https://news.example.com/");
        return IssueRenderer.Prepare(source, templates, links.Archive(source.Slug), (html, text) => new EmailModel(source, 7, html, text, info, links, []));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Newsletter.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }
}
