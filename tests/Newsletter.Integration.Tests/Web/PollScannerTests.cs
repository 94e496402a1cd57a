// Link scanners fetch every poll option of an email at once and must record nothing; a reader's one click must count.
using System.Net;
using Newsletter.Signing;

namespace Newsletter.Integration.Tests.Web;

public class PollScannerTests
{
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task Start() => _site = await RunningSite.StartAsync(
        [("scanned@example.com", "Scanned Reader"), ("reader@example.com", "Ada Lovelace"), ("late@example.com", "Late Reader"), ("changer@example.com", "Grace Hopper"), ("forger@example.com", "Forger"), ("reversed@example.com", "Hopper, Grace")]);

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public async Task Scanner_GetsEveryOptionWithinASecond_RecordsNoVote()
    {
        var urls = Enumerable.Range(1, 5).Select(r => _site.VoteUrl("scanned@example.com", r)).ToList();
        var started = DateTime.UtcNow;
        var pages = await Task.WhenAll(urls.Select(u => _site.Http.GetAsync(u)));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(1)), "the scan took under a second");
        Assert.That(pages.Select(p => p.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(_site.Votes("scanned@example.com"), Is.Zero, "fetching the links records nothing");

        // A scanner that also runs the pages' scripts submits every page's form.
        var bodies = await Task.WhenAll(pages.Select(p => p.Content.ReadAsStringAsync()));
        var posts = await Task.WhenAll(urls.Zip(bodies, (u, b) => _site.PostFormAsync(u, ("form", RunningSite.FormToken(b)))));
        Assert.That(posts.Select(p => p.StatusCode), Is.All.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await posts[0].Content.ReadAsStringAsync(), Does.Contain("confirm"));
        Assert.That(_site.Votes("scanned@example.com"), Is.Zero);
        Assert.That(_site.History("scanned@example.com"), Is.Zero);
    }

    [Test]
    public async Task Reader_OpensOneOptionAndPageSubmits_RecordsExactlyThatOne()
    {
        var url = _site.VoteUrl("reader@example.com", 4);
        var page = await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("<script>document.getElementById('vote').submit();</script>"));
        Assert.That(_site.Votes("reader@example.com"), Is.Zero, "the GET alone records nothing");

        var vote = await _site.PostFormAsync(url, ("form", RunningSite.FormToken(page)));
        var thanks = await vote.Content.ReadAsStringAsync();
        Assert.That(vote.StatusCode, Is.EqualTo(HttpStatusCode.OK), thanks);
        Assert.That(thanks, Does.Contain("Thank you for your rating, Ada!").And.Contain("Great"));
        Assert.That(_site.Rating("reader@example.com"), Is.EqualTo(4));
        Assert.That(_site.History("reader@example.com"), Is.EqualTo(1));
    }

    [Test]
    public async Task Reader_NamedFamilyNameFirst_IsThankedByTheGivenName()
    {
        var url = _site.VoteUrl("reversed@example.com", 5);
        var page = await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync();

        var thanks = await (await _site.PostFormAsync(url, ("form", RunningSite.FormToken(page)))).Content.ReadAsStringAsync();

        Assert.That(thanks, Does.Contain("Thank you for your rating, Grace!"), "the same first name the email greeted with");
    }

    [Test]
    public async Task Change_ForgedFormOrUnknownRating_RefusedAndNothingChanges()
    {
        var url = _site.VoteUrl("forger@example.com", 3);
        var token = url[(url.LastIndexOf('/') + 1)..];
        var before = _site.History("forger@example.com");
        var pageForm = RunningSite.FormToken(await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync());
        var wrongKind = await _site.PostFormAsync($"{url}/change", ("form", pageForm), ("rating", "2"));
        var otherLink = new Newsletter.Signing.FormToken(_site.Workspace.Keys, TimeProvider.System).Create(Newsletter.Signing.FormKind.ThankYou, "someone-else");
        var foreign = await _site.PostFormAsync($"{url}/change", ("form", otherLink), ("rating", "2"));
        var thankYou = new Newsletter.Signing.FormToken(_site.Workspace.Keys, TimeProvider.System).Create(Newsletter.Signing.FormKind.ThankYou, token);
        var unknown = await _site.PostFormAsync($"{url}/change", ("form", thankYou), ("rating", "7"));
        Assert.That(new[] { wrongKind.StatusCode, foreign.StatusCode, unknown.StatusCode }, Is.All.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(_site.History("forger@example.com"), Is.EqualTo(before));
    }

    [Test]
    public async Task Reader_ConfirmsAfterScannerFlaggedPage_VoteCounts()
    {
        var urls = Enumerable.Range(1, 5).Select(r => _site.VoteUrl("late@example.com", r)).ToList();
        var pages = await Task.WhenAll(urls.Select(async u => await (await _site.Http.GetAsync(u)).Content.ReadAsStringAsync()));
        var flagged = await _site.PostFormAsync(urls[2], ("form", RunningSite.FormToken(pages[2])));
        Assert.That(flagged.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var confirm = await _site.PostFormAsync(urls[2], ("form", RunningSite.FormToken(await flagged.Content.ReadAsStringAsync())));
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_site.Rating("late@example.com"), Is.EqualTo(3));
    }

    [Test]
    public async Task Reader_ChangesRatingOnThankYouPage_CurrentVoteChangesAndHistoryKept()
    {
        var url = _site.VoteUrl("changer@example.com", 5);
        var page = await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync();
        var thanks = await (await _site.PostFormAsync(url, ("form", RunningSite.FormToken(page)))).Content.ReadAsStringAsync();
        var changeForms = RunningSite.Forms(thanks).Where(f => f.Action.EndsWith("/change")).ToList();
        Assert.That(changeForms, Has.Count.EqualTo(4), "one button per other option");
        Assert.That(thanks, Does.Contain("name=\"rating\" value=\"1\"").And.Not.Contain("name=\"rating\" value=\"5\""));

        var changed = await _site.PostFormAsync(_site.BaseUrl + changeForms[0].Action, ("form", changeForms[0].Token), ("rating", "1"));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await changed.Content.ReadAsStringAsync(), Does.Contain("Poor"));
        Assert.That(_site.Votes("changer@example.com"), Is.EqualTo(1), "one vote per subscriber and issue");
        Assert.That(_site.Rating("changer@example.com"), Is.EqualTo(1));
        Assert.That(_site.History("changer@example.com"), Is.EqualTo(2), "both clicks kept");
    }
}
