using Newsletter.Rendering;

namespace Newsletter.Tests.Rendering;

public class LinkResolverTests
{
    private const string Base = "https://news.example.com/issues/2026-12-01-x";

    [Test]
    public void Resolve_RelativeHrefAndSrcInOneTag_BothBecomeAbsolute()
    {
        var html = "<p><a class=\"x\" href=\"../about\"><img alt=\"\" src='pic.png'></a> <a href=\"https://other.example/\">o</a></p>";

        Assert.That(LinkResolver.Resolve(html, Base), Is.EqualTo(
            "<p><a class=\"x\" href=\"https://news.example.com/about\"><img alt=\"\" src='https://news.example.com/issues/2026-12-01-x/pic.png'></a> <a href=\"https://other.example/\">o</a></p>"));
    }

    [Test]
    public void Resolve_ImageInAFolderBesideTheIssue_KeepsTheSlugInItsUrl()
    {
        var html = "<img src=\"images/hero.png\" alt=\"\"><a href=\"2026-11-20-older\">older</a>";

        Assert.That(LinkResolver.Resolve(html, Base), Is.EqualTo(
            "<img src=\"https://news.example.com/issues/2026-12-01-x/images/hero.png\" alt=\"\"><a href=\"https://news.example.com/issues/2026-11-20-older\">older</a>"),
            "an image is served below the issue's page; a link to another issue stays beside it");
    }

    [Test]
    public void Resolve_AttributeLikeTextOutsideTags_IsLeftAlone()
    {
        var html = "<p>write href=\"page\" in a link &lt;a href=\"x\"&gt;</p><a\nhref=\"y\">y</a>";

        Assert.That(LinkResolver.Resolve(html, Base), Is.EqualTo(
            "<p>write href=\"page\" in a link &lt;a href=\"x\"&gt;</p><a\nhref=\"https://news.example.com/issues/y\">y</a>"));
    }

    [Test]
    public void Resolve_LongParagraphWithLinkAtTheEnd_ResolvesIt()
    {
        var html = "<p>" + string.Concat(Enumerable.Repeat("this has some words and see ", 40_000)) + "<a href=\"end\">e</a></p>";

        Assert.That(LinkResolver.Resolve(html, Base), Does.EndWith("<a href=\"https://news.example.com/issues/end\">e</a></p>"));
    }
}
