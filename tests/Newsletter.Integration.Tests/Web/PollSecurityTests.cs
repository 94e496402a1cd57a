// Forged links and forms write nothing; comments and names with markup are shown escaped; headers and limits hold.
using System.Net;
using Newsletter.Polls;
using Newsletter.Signing;

namespace Newsletter.Integration.Tests.Web;

public class PollSecurityTests
{
    private const string Markup = "<img src=x onerror=alert(1)> Mallory";
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task Start() => _site = await RunningSite.StartAsync(
        [("victim@example.com", "Victim"), ("xss@example.com", Markup), ("commenter@example.com", "Carol"), ("silent@example.com", "Sam"), ("durable@example.com", "Dee"), ("changer@example.com", "Cy")]);

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public async Task Vote_ForgedAlteredOrOtherPurposeToken_Gets4xxAndWritesNothing()
    {
        var url = _site.VoteUrl("victim@example.com", 5);
        var token = url[(url.LastIndexOf('/') + 1)..];
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var unsubscribe = _site.UnsubscribeUrl("victim@example.com");
        var otherPurpose = unsubscribe[(unsubscribe.LastIndexOf('/') + 1)..];
        var stranger = new LinkToken(new SigningKeyRing([new byte[32]]), TimeProvider.System).Create(LinkPurpose.Vote, _site.IssueId, _site.SubscriberId("victim@example.com"), 5);
        var otherIssue = _site.Workspace.Tokens.Create(LinkPurpose.Vote, _site.IssueId + 1, _site.SubscriberId("victim@example.com"), 5);
        var realForm = RunningSite.FormToken(await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync());
        foreach (var bad in new[] { altered, otherPurpose, stranger, otherIssue, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%3Cscript%3E" })
        {
            var get = await _site.Http.GetAsync($"{_site.BaseUrl}/poll/{bad}");
            var post = await _site.PostFormAsync($"{_site.BaseUrl}/poll/{bad}", ("form", realForm));
            Assert.That((int)get.StatusCode, Is.InRange(400, 499), bad);
            Assert.That((int)post.StatusCode, Is.InRange(400, 499), bad);
        }
        Assert.That(_site.History("victim@example.com"), Is.Zero);
    }

    [Test]
    public async Task ChangeAndComment_ForgedOrOtherPurposeToken_Get404AndWriteNothing()
    {
        var thanks = await VoteAsync("changer@example.com", 3);
        var form = RunningSite.FormToken(thanks, null);
        var unsubscribe = _site.UnsubscribeUrl("changer@example.com");
        var otherPurpose = unsubscribe[(unsubscribe.LastIndexOf('/') + 1)..];
        var otherIssue = _site.Workspace.Tokens.Create(LinkPurpose.Vote, _site.IssueId + 1, _site.SubscriberId("changer@example.com"), 3);
        foreach (var bad in new[] { otherPurpose, otherIssue, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
        {
            var change = await _site.PostFormAsync($"{_site.BaseUrl}/poll/{bad}/change", ("form", form), ("rating", "1"));
            var comment = await _site.PostFormAsync($"{_site.BaseUrl}/poll/{bad}/comment", ("form", form), ("comment", "forged"));
            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), bad);
            Assert.That(comment.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), bad);
            Assert.That(await comment.Content.ReadAsStringAsync(), Does.Contain("This link is not valid"));
        }
        Assert.That(_site.Rating("changer@example.com"), Is.EqualTo(3));
        Assert.That(_site.Count("SELECT count(*) FROM votes WHERE subscriber_id = $subscriber AND comment IS NOT NULL", "changer@example.com"), Is.Zero);
    }

    [TestCase("")]
    [TestCase("/change")]
    [TestCase("/comment")]
    public async Task PollRoute_TestSendLink_AnswersTheTestPageAndRecordsNothing(string route)
    {
        var test = _site.Workspace.Tokens.Create(LinkPurpose.Vote, _site.IssueId, PersonalLinks.TestSubscriberId, 4);
        var votes = _site.Files.Count("SELECT count(*) FROM vote_history");

        var response = await _site.PostFormAsync($"{_site.BaseUrl}/poll/{test}{route}", ("rating", "4"), ("comment", "test"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("This was a test email; your click was not recorded"));
        Assert.That(_site.Files.Count("SELECT count(*) FROM vote_history"), Is.EqualTo(votes));
    }

    [Test]
    public async Task Vote_PostWithoutOrWithForeignFormToken_RecordsNothing()
    {
        var url = _site.VoteUrl("silent@example.com", 2);
        var otherPage = await (await _site.Http.GetAsync(_site.VoteUrl("victim@example.com", 3))).Content.ReadAsStringAsync();
        var forged = new FormToken(new SigningKeyRing([new byte[32]]), TimeProvider.System).Create(FormKind.PressedVote, url[(url.LastIndexOf('/') + 1)..]);
        var noForm = await _site.Http.PostAsync(url, new StringContent("rating=5"));
        var noToken = await _site.PostFormAsync(url, ("rating", "5"));
        var foreign = await _site.PostFormAsync(url, ("form", RunningSite.FormToken(otherPage)));
        var forgedForm = await _site.PostFormAsync(url, ("form", forged));
        Assert.That((int)noForm.StatusCode, Is.EqualTo(400));
        Assert.That(new[] { noToken.StatusCode, foreign.StatusCode, forgedForm.StatusCode }, Is.All.EqualTo(HttpStatusCode.Accepted), "a button page, not a vote");
        Assert.That(_site.History("silent@example.com"), Is.Zero);
    }

    [Test]
    public async Task Comment_WithScriptMarkup_StoredAsWrittenAndShownEscaped()
    {
        var thanks = await VoteAsync("commenter@example.com", 4);
        const string comment = "<script>alert('x')</script> & more";
        var saved = await _site.PostFormAsync($"{_site.BaseUrl}/poll/{Token("commenter@example.com", 4)}/comment",
            ("form", CommentForm(thanks)), ("comment", comment));
        var html = await saved.Content.ReadAsStringAsync();
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(html, Does.Not.Contain("<script>alert"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
        Assert.That(_site.Workspace.Votes.Find(_site.IssueId, _site.SubscriberId("commenter@example.com"))!.Comment, Is.EqualTo(comment));

        var again = await VoteAsync("commenter@example.com", 4);
        Assert.That(again, Does.Contain("&lt;script&gt;").And.Not.Contain("<script>alert"), "shown escaped on later visits too");
    }

    [Test]
    public async Task Comment_TooLongOrForgedForm_Refused()
    {
        var thanks = await VoteAsync("commenter@example.com", 3);
        var url = $"{_site.BaseUrl}/poll/{Token("commenter@example.com", 3)}/comment";
        var tooLong = await _site.PostFormAsync(url, ("form", CommentForm(thanks)), ("comment", new string('x', VoteStore.MaxCommentLength + 1)));
        var forged = await _site.PostFormAsync(url, ("form", Alter(CommentForm(thanks))), ("comment", "hello"));
        var pageForm = RunningSite.FormToken(await (await _site.Http.GetAsync(_site.VoteUrl("commenter@example.com", 3))).Content.ReadAsStringAsync());
        var voteForm = await _site.PostFormAsync(url, ("form", pageForm), ("comment", "hi"));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await tooLong.Content.ReadAsStringAsync(), Does.Contain($"at most {VoteStore.MaxCommentLength} characters"));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(voteForm.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(_site.Workspace.Votes.Find(_site.IssueId, _site.SubscriberId("commenter@example.com"))!.Comment ?? "", Does.Not.Contain("hello").And.Not.Contain("xxxx"));
    }

    [Test]
    public async Task ThankYou_NameWithMarkup_ShownEscaped()
    {
        var thanks = await VoteAsync("xss@example.com", 5);
        Assert.That(thanks, Does.Contain("Thank you for your rating, &lt;img!"));
        Assert.That(thanks, Does.Not.Contain("<img"));
    }

    [Test]
    public async Task Responses_CarryCspReferrerPolicyAndNoStore()
    {
        var response = await _site.Http.GetAsync(_site.VoteUrl("victim@example.com", 1));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("default-src 'none'").And.Contain("script-src 'sha256-").And.Not.Contain("unsafe-eval"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(response.Headers.Location, Is.Null);
    }

    [Test]
    public async Task Votes_SurviveARestart()
    {
        await VoteAsync("durable@example.com", 2);
        await _site.StopAsync();
        await _site.OpenAsync();
        Assert.That(_site.Workspace.Votes.Find(_site.IssueId, _site.SubscriberId("durable@example.com"))!.Rating, Is.EqualTo(2));
    }

    private async Task<string> VoteAsync(string email, int rating)
    {
        var url = _site.VoteUrl(email, rating);
        var page = await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync();
        var response = await _site.PostFormAsync(url, ("form", RunningSite.FormToken(page)));
        var html = await response.Content.ReadAsStringAsync();
        // Opening another option of the same email within the guard's window asks for one press, as a reader would.
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            response = await _site.PostFormAsync(url, ("form", RunningSite.FormToken(html)));
            html = await response.Content.ReadAsStringAsync();
        }
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return html;
    }

    private string Token(string email, int rating) => _site.Workspace.Tokens.Create(LinkPurpose.Vote, _site.IssueId, _site.SubscriberId(email), rating);

    private static string Alter(string token) => token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

    private static string CommentForm(string thanks) => RunningSite.Forms(thanks).Single(f => f.Action.EndsWith("/comment")).Token;
}
