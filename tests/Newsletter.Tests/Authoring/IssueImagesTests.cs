// Local images: which sources are files beside the issue, which paths may be published, where the file is found.
using Newsletter.Authoring;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Authoring;

public class IssueImagesTests
{
    [TestCase("images/hero.png", true)]
    [TestCase("hero.png", true)]
    [TestCase("../hero.png", true)]
    [TestCase("images/hero.png?v=2", true)]
    [TestCase("https://cdn.example.com/hero.png", false)]
    [TestCase("//cdn.example.com/hero.png", false)]
    [TestCase("/hero.png", false)]
    [TestCase("data:image/png;base64,AAAA", false)]
    [TestCase("cid:hero", false)]
    [TestCase("#top", false)]
    [TestCase("{{ subscriber.fields.avatar }}", false)]
    [TestCase("images/{{ issue.slug }}.png", false)]
    [TestCase("", false)]
    public void IsLocal_RelativePathReferencesOnly(string src, bool local) => Assert.That(IssueImages.IsLocal(src), Is.EqualTo(local));

    [TestCase("images/hero.png", "images/hero.png")]
    [TestCase("images/hero%20shot.JPG?v=2#x", "images/hero shot.JPG")]
    [TestCase("a/b/c.webp", "a/b/c.webp")]
    public void TryNormalize_PlainImagePath_IsDecoded(string src, string expected)
    {
        Assert.That(IssueImages.TryNormalize(src, out var relative, out var reason), Is.True, reason);
        Assert.That(relative, Is.EqualTo(expected));
    }

    [TestCase("../newsletter.png")]
    [TestCase("images/../../x.png")]
    [TestCase("images/%2e%2e/%2e%2e/x.png")]
    [TestCase("./hero.png")]
    [TestCase("images//hero.png")]
    [TestCase(".hidden/hero.png")]
    [TestCase("images\\hero.png")]
    [TestCase("images%5Chero.png")]
    [TestCase("c:/hero.png")]
    [TestCase("hero%00.png")]
    [TestCase("hero.svg")]
    [TestCase("notes.md")]
    [TestCase("images/")]
    public void TryNormalize_TraversalHiddenOrNotAnImage_IsRefusedWithAReason(string src)
    {
        Assert.That(IssueImages.TryNormalize(src, out var relative, out var reason), Is.False, relative);
        Assert.That(reason, Is.Not.Empty);
    }

    [Test]
    public void Find_ImageInTheIssuesOwnFolder_WinsOverTheSharedOne()
    {
        using var temp = new TempWorkspace();
        var issue = temp.Write("issues/2026-12-01-x.md", "Body");
        var own = temp.Write("issues/2026-12-01-x/images/hero.png", "own");
        temp.Write("issues/images/hero.png", "shared");
        var shared = temp.Write("issues/images/other.png", "shared");

        Assert.That(IssueImages.Find(issue, "images/hero.png"), Is.EqualTo(own));
        Assert.That(IssueImages.Find(issue, "images/other.png"), Is.EqualTo(shared));
        Assert.That(IssueImages.Find(issue, "images/missing.png"), Is.Null);
    }

    [Test]
    public void Find_SymbolicLinkBelowTheIssuesFolder_IsNotFollowed()
    {
        using var temp = new TempWorkspace();
        var issue = temp.Write("issues/2026-12-01-x.md", "Body");
        var outside = temp.Write("secret/key.png", "not for readers");
        Directory.CreateDirectory(temp.PathOf("issues/images"));
        File.CreateSymbolicLink(temp.PathOf("issues/images/key.png"), outside);
        Directory.CreateSymbolicLink(temp.PathOf("issues/linked"), temp.PathOf("secret"));

        Assert.That(IssueImages.Find(issue, "images/key.png"), Is.Null);
        Assert.That(IssueImages.Find(issue, "linked/key.png"), Is.Null);
    }

    [TestCase("a.png", "image/png")]
    [TestCase("a.JPG", "image/jpeg")]
    [TestCase("a.jpeg", "image/jpeg")]
    [TestCase("a.gif", "image/gif")]
    [TestCase("a.webp", "image/webp")]
    public void ContentType_ByExtension(string file, string type) => Assert.That(IssueImages.ContentType(file), Is.EqualTo(type));

    [Test]
    public void ContentType_NotAnImage_Throws() => Assert.Throws<ArgumentException>(() => IssueImages.ContentType("notes.md"));
}
