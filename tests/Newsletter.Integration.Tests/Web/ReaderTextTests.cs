// What readers typed reaches terminals and the stats page as text: no escape sequence runs, no bidi override reorders.
using System.Net;
using Newsletter.Integration.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Integration.Tests.Web;

public class ReaderTextTests
{
    private const string Comment = "nice\u001b]0;owned\u0007 issue \u202Edaer";

    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _site = await RunningSite.StartAsync([("ada@example.com", "Ada")]);
        var url = _site.VoteUrl("ada@example.com", 5);
        var page = await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync();
        var thanks = await (await _site.PostFormAsync(url, ("form", RunningSite.FormToken(page)))).Content.ReadAsStringAsync();
        var form = RunningSite.Forms(thanks).Single(f => f.Action.EndsWith("/comment")).Token;
        var saved = await _site.PostFormAsync($"{_site.BaseUrl}/poll/{url[(url.LastIndexOf('/') + 1)..]}/comment", ("form", form), ("comment", Comment));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public void StatsCommand_CommentWithEscapesAndOverride_PrintsThemNeutralised()
    {
        var table = _site.Files.Run("stats", "--with-emails");

        Assert.Multiple(() =>
        {
            Assert.That(table.ExitCode, Is.EqualTo(0), table.Error);
            Assert.That(Has(table.Output, "nice\uFFFD]0;owned\uFFFD issue \uFFFDdaer  (ada@example.com)"), Is.True, table.Output);
            Assert.That(Has(table.Output, "\u001b]") || Has(table.Output, "\u202E"), Is.False, table.Output);
        });
    }

    [Test]
    public async Task StatsPage_CommentWithOverride_IsIsolatedAndStripped()
    {
        var html = await (await _site.Http.GetAsync($"{_site.BaseUrl}/stats?key={RunningSite.StatsKey}&emails=1")).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Has(html, "\u202E"), Is.False, html);
            Assert.That(Has(html, "<bdi>nice\u001b]0;owned\u0007 issue daer</bdi> <small>(<bdi>ada@example.com</bdi>)</small>"), Is.True, html);
        });
    }

    [Test]
    public void SubscribersList_FieldWithEscape_PrintsItNeutralised()
    {
        _site.Files.Write("fields.csv", "email,note\nbob@example.com,\"x\u001b[2Jy\"\n");
        var import = _site.Files.Run("subscribers", "import", "fields.csv");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Error);

        var list = _site.Files.Run("subscribers", "list");

        Assert.Multiple(() =>
        {
            Assert.That(Has(list.Output, "note=x\uFFFD[2Jy"), Is.True, list.Output);
            Assert.That(Has(list.Output, "\u001b"), Is.False, list.Output);
        });
    }

    // Culture-aware comparison ignores control and format characters, which are what these tests look for.
    private static bool Has(string text, string part) => text.Contains(part, StringComparison.Ordinal);
}
