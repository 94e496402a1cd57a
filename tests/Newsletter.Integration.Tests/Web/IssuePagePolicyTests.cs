// The CSP of an issue page names exactly the image origins the page uses.
using Newsletter.Web.Archive;

namespace Newsletter.Integration.Tests.Web;

public class IssuePagePolicyTests
{
    [Test]
    public void For_PageWithImages_AllowsTheirHttpsOriginsOnly()
    {
        var html = """
            <img src="https://cdn.example.com/a.png"><img src="https://cdn.example.com/b.png">
            <img src="http://insecure.example.net/c.png"><img src="https://bücher.example:8443/d.png">
            <picture><source srcset="https://img.example.org/e.webp 1x, https://img2.example.org/e@2x.webp 2x"><img src="data:image/png;base64,AAAA" srcset="https://img3.example.org/f.png 600w"></picture>
            <img src="https://evil.example.com/x.png; script-src *"><img src="not a url">
            """;

        var policy = IssuePagePolicy.For(html, "https://news.example.com");

        Assert.That(policy, Is.EqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https://cdn.example.com " +
            "https://evil.example.com https://img.example.org https://img2.example.org https://img3.example.org https://news.example.com https://xn--bcher-kva.example:8443; " +
            "form-action 'self' https://news.example.com; base-uri 'none'; frame-ancestors 'none'"), "an origin is rebuilt from the parsed URL, so '; script-src *' never reaches the header");
    }

    [Test]
    public void For_PageWithoutImages_StillAllowsTheSiteItself()
    {
        Assert.That(IssuePagePolicy.For("<p>Text</p>", "http://127.0.0.1:5080"),
            Does.Contain("img-src 'self' data: http://127.0.0.1:5080;").And.Not.Contain("script-src"));
    }
}
