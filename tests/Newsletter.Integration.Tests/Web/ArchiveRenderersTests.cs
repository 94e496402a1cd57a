// The archive keeps prepared renderers: pages and the feed prepare an issue again only when its file or a template changes.
using Newsletter.Integration.Tests.Support;
using Newsletter.Rendering;
using Newsletter.Web.Archive;

namespace Newsletter.Integration.Tests.Web;

public class ArchiveRenderersTests
{
    private const string Slug = "2026-11-20-kept";

    [Test]
    public void For_TwoRequests_PrepareOnce()
    {
        using var files = SentIssue(out var workspace);
        var (renderers, prepared) = Counting(workspace);

        var first = renderers.For(Published(workspace));
        var second = renderers.For(Published(workspace));

        Assert.That(prepared(), Is.EqualTo(1));
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void For_IssueFileChanged_PreparesAgain()
    {
        using var files = SentIssue(out var workspace);
        var (renderers, prepared) = Counting(workspace);
        renderers.For(Published(workspace));

        var path = files.PathOf($"issues/{Slug}.md");
        File.AppendAllText(path, "\nA line added after the send.\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var html = renderers.For(Published(workspace)).RenderForArchive();

        Assert.That(prepared(), Is.EqualTo(2));
        Assert.That(html, Does.Contain("A line added after the send."));
    }

    [Test]
    public void For_TemplateChanged_PreparesAgain()
    {
        using var files = SentIssue(out var workspace);
        var (renderers, prepared) = Counting(workspace);
        renderers.For(Published(workspace));

        var template = Directory.EnumerateFiles(workspace.Settings.Templates, "*", SearchOption.AllDirectories).First();
        File.SetLastWriteTimeUtc(template, DateTime.UtcNow.AddMinutes(1));
        renderers.For(Published(workspace));
        renderers.For(Published(workspace));

        Assert.That(prepared(), Is.EqualTo(2));
    }

    [Test]
    public void PublishedIssues_FileUnchanged_IsParsedOnceAndAgainAfterAnEdit()
    {
        using var files = SentIssue(out var workspace);
        var published = new PublishedIssues(workspace.Issues, workspace.Settings.Issues);

        var first = published.Find(Slug)!.Issue;
        Assert.That(published.List().Single().Issue, Is.SameAs(first), "the feed and the index reuse the parsed file");

        var path = files.PathOf($"issues/{Slug}.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("title: Kept", "title: Kept, edited"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var edited = published.Find(Slug)!.Issue;

        Assert.That(edited, Is.Not.SameAs(first));
        Assert.That(edited.Title, Is.EqualTo("Kept, edited"));
    }

    private static TestWorkspace SentIssue(out Workspace workspace)
    {
        var files = new TestWorkspace();
        Assert.That(files.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(0));
        var send = files.Run("send", files.Write($"issues/{Slug}.md", "---\ntitle: Kept\npreheader: Prepared once\n---\nHello.\n"));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        workspace = Workspace.Open(files.PathOf("newsletter.json"));
        return files;
    }

    private static PublishedIssue Published(Workspace workspace) => new PublishedIssues(workspace.Issues, workspace.Settings.Issues).Find(Slug) ?? throw new AssertionException("not published");

    private static (ArchiveRenderers Renderers, Func<int> Prepared) Counting(Workspace workspace)
    {
        var calls = 0;
        var renderers = new ArchiveRenderers(workspace.Settings.Templates, (issue, id) =>
        {
            Interlocked.Increment(ref calls);
            return workspace.Prepare(issue, id);
        });
        return (renderers, () => calls);
    }
}
