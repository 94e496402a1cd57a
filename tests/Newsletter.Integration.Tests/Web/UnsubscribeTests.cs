// RFC 8058 one-click unsubscribe, the footer page with one button, re-subscribing, and no mail afterwards.
using System.Net;
using System.Text;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Web;

public class UnsubscribeTests
{
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task Start() => _site = await RunningSite.StartAsync(
        [("oneclick@example.com", "One Click"), ("footer@example.com", "Footer"), ("bounced@example.com", "Bounced"), ("stays@example.com", "Stays")]);

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public async Task OneClickPost_UnsubscribesAtOnceWith200_Idempotently()
    {
        var url = _site.UnsubscribeUrl("oneclick@example.com");
        for (var i = 0; i < 2; i++)
        {
            var response = await _site.Http.PostAsync(url, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Location, Is.Null, "no redirect");
            Assert.That(Status("oneclick@example.com"), Is.EqualTo("unsubscribed"));
        }
        Assert.That(_site.Count($"SELECT count(*) FROM unsubscribes WHERE subscriber_id = $subscriber AND issue_id = {_site.IssueId} AND source = 'one-click'",
            "oneclick@example.com"), Is.EqualTo(1), "recorded once, for the issue the link came from");
    }

    [Test]
    public async Task FooterLink_ShowsOneButtonThenOffersResubscribe()
    {
        var url = _site.UnsubscribeUrl("footer@example.com");
        var page = await (await _site.Http.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.That(Count(page, "<button"), Is.EqualTo(1));
        Assert.That(Status("footer@example.com"), Is.EqualTo("active"), "a GET changes nothing");

        var done = await (await _site.Http.PostAsync(url, new FormUrlEncodedContent([]))).Content.ReadAsStringAsync();
        Assert.That(Status("footer@example.com"), Is.EqualTo("unsubscribed"));
        Assert.That(_site.Count($"SELECT count(*) FROM unsubscribes WHERE subscriber_id = $subscriber AND issue_id = {_site.IssueId} AND source = 'link'",
            "footer@example.com"), Is.EqualTo(1));
        var resubscribe = RunningSite.Forms(done).Single(f => f.Action.EndsWith("/resubscribe"));

        var forged = await _site.PostFormAsync(_site.BaseUrl + resubscribe.Action, ("form", "x"));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Status("footer@example.com"), Is.EqualTo("unsubscribed"));

        var back = await _site.PostFormAsync(_site.BaseUrl + resubscribe.Action, ("form", resubscribe.Token));
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Status("footer@example.com"), Is.EqualTo("active"));
    }

    [Test]
    public async Task BouncedSubscriber_StaysBouncedAndCannotResubscribe()
    {
        _site.Workspace.Subscribers.SetStatus(_site.SubscriberId("bounced@example.com"), Newsletter.Audience.SubscriberStatus.Bounced);
        var url = _site.UnsubscribeUrl("bounced@example.com");
        var page = await (await _site.Http.PostAsync(url, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"))).Content.ReadAsStringAsync();
        Assert.That(Status("bounced@example.com"), Is.EqualTo("bounced"));
        Assert.That(_site.Count("SELECT count(*) FROM unsubscribes WHERE subscriber_id = $subscriber", "bounced@example.com"), Is.Zero);
        Assert.That(page, Does.Not.Contain("/resubscribe"));
    }

    [Test]
    public async Task NextIssue_NotSentToUnsubscribedOrBounced()
    {
        await _site.Http.PostAsync(_site.UnsubscribeUrl("oneclick@example.com"), new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        _site.Workspace.Subscribers.SetStatus(_site.SubscriberId("bounced@example.com"), Newsletter.Audience.SubscriberStatus.Bounced);
        const string next = "2026-11-27-next";
        var send = _site.Files.Run("send", _site.Files.Write($"issues/{next}.md", SampleIssue.Text().Replace("Résumé of resilience", "Next week")));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        var recipients = Directory.GetFiles(_site.Files.PathOf($"outbox/{next}"), "*.eml").Select(File.ReadAllText).ToList();
        Assert.That(recipients.Count(m => m.Contains("stays@example.com")), Is.EqualTo(1));
        Assert.That(recipients.Any(m => m.Contains("oneclick@example.com") || m.Contains("bounced@example.com")), Is.False);
    }

    [Test]
    public async Task ForgedUnsubscribeToken_404AndNothingChanges()
    {
        var url = _site.UnsubscribeUrl("stays@example.com");
        var forged = url[..^2] + (url[^2] == 'A' ? "B" : "A") + url[^1];
        var response = await _site.Http.PostAsync(forged, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Status("stays@example.com"), Is.EqualTo("active"));
    }

    private string Status(string email) => _site.Workspace.Subscribers.FindByEmail(email)!.Status.ToString().ToLowerInvariant();

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
