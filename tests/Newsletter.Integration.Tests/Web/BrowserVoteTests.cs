// A real browser (Debian's headless chromium) clicking one poll option in the email records exactly that one.
using System.Text.Json;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Web;

public class BrowserVoteTests
{
    [Test]
    public async Task Chromium_ClicksOneOptionInTheEmail_RecordsExactlyThatOne()
    {
        Assert.That(File.Exists(HeadlessChromium.Executable), "chromium is installed by tests/install-peers.sh");
        await using var site = await RunningSite.StartAsync([("reader@example.com", "Ada Lovelace"), ("other@example.com", "Grace")]);
        var email = Directory.GetFiles(site.Files.PathOf($"outbox/{SampleIssue.Slug}"), "*.eml")
            .Single(f => File.ReadAllText(f).Contains("reader@example.com"));
        var html = site.Files.Write("email.html", HtmlPart(StrictParser.ParseFile(email)));

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.OpenTabAsync(new Uri(html).AbsoluteUri);
        await browser.WaitForTextAsync("Great", TimeSpan.FromSeconds(20));
        // The reader's one click: the second option of the email's poll ("Great", rating 4).
        var clicked = await browser.EvaluateAsync("(() => { const a = document.querySelectorAll('a.poll-option')[1]; a.click(); return a.textContent; })()");
        Assert.That(clicked, Does.Contain("Great"));

        var page = await browser.WaitForTextAsync("Thank you for your rating", TimeSpan.FromSeconds(20));
        Assert.That(page, Does.Contain("Great"));
        Assert.That(site.Votes("reader@example.com"), Is.EqualTo(1));
        Assert.That(site.Rating("reader@example.com"), Is.EqualTo(4));
        Assert.That(site.History("reader@example.com"), Is.EqualTo(1), "exactly one click recorded");
        Assert.That(site.Votes("other@example.com"), Is.Zero);
    }

    private static string HtmlPart(JsonElement part)
    {
        if (part.TryGetProperty("content_type", out var type) && type.GetString() == "text/html") return part.GetProperty("text").GetString()!;
        var root = part.TryGetProperty("structure", out var structure) ? structure : part;
        if (root.TryGetProperty("children", out var children))
            foreach (var child in children.EnumerateArray())
                if (HtmlPart(child) is { Length: > 0 } found) return found;
        if (root.TryGetProperty("content_type", out var rootType) && rootType.GetString() == "text/html") return root.GetProperty("text").GetString()!;
        return "";
    }
}
