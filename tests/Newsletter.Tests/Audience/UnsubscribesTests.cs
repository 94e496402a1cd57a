using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class UnsubscribesTests(StoreKind kind)
{
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private Database _database = null!;
    private SubscriberStore _subscribers = null!;
    private Unsubscribes _unsubscribes = null!;
    private long _issueId;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _database = _test.Database;
        _subscribers = new SubscriberStore(_database, TimeProvider.System);
        _unsubscribes = new Unsubscribes(_database, TimeProvider.System);
        _issueId = new IssueStore(_database, TimeProvider.System).Register(IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n")).Id;
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [Test]
    public void Unsubscribe_ThroughAnIssue_IsCountedForIt()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        Assert.That(_unsubscribes.Unsubscribe(reader.Id, _issueId, UnsubscribeSource.OneClick), Is.True);
        Assert.That(_subscribers.FindById(reader.Id)!.Status, Is.EqualTo(SubscriberStatus.Unsubscribed));
        Assert.That(_unsubscribes.CountForIssue(_issueId), Is.EqualTo(1));
    }

    [Test]
    public void Unsubscribe_Twice_CountsOnce()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        _unsubscribes.Unsubscribe(reader.Id, _issueId, UnsubscribeSource.Link);
        Assert.That(_unsubscribes.Unsubscribe(reader.Id, _issueId, UnsubscribeSource.OneClick), Is.False);
        // Back on the list and gone again through the same issue: still one person lost.
        _subscribers.SetStatus(reader.Id, SubscriberStatus.Active);
        Assert.That(_unsubscribes.Unsubscribe(reader.Id, _issueId, UnsubscribeSource.Link), Is.True);
        Assert.That(_unsubscribes.CountForIssue(_issueId), Is.EqualTo(1));
    }

    [Test]
    public void Unsubscribe_BouncedSubscriber_KeepsBouncedAndRecordsNothing()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        _subscribers.SetStatus(reader.Id, SubscriberStatus.Bounced);
        Assert.That(_unsubscribes.Unsubscribe(reader.Id, _issueId, UnsubscribeSource.Link), Is.False);
        Assert.That(_subscribers.FindById(reader.Id)!.Status, Is.EqualTo(SubscriberStatus.Bounced));
        Assert.That(_unsubscribes.CountForIssue(_issueId), Is.Zero);
    }

    [TestCase(0L)]
    [TestCase(999L)]
    public void Unsubscribe_WithoutAKnownIssue_IsRecordedForNone(long issueId)
    {
        var reader = _subscribers.Add("reader@example.com", null);
        Assert.That(_unsubscribes.Unsubscribe(reader.Id, issueId, UnsubscribeSource.Cli), Is.True);
        Assert.That(_unsubscribes.CountForIssue(_issueId), Is.Zero);
    }

    [Test]
    public void Forget_DeletesTheUnsubscribeRecord()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        _unsubscribes.Unsubscribe(reader.Id, _issueId, UnsubscribeSource.Link);
        new Newsletter.Audience.Suppression.Erasure(_subscribers, new Newsletter.Audience.Suppression.ErasedAddresses(_database), TimeProvider.System).Forget(reader.Email);
        Assert.That(_unsubscribes.CountForIssue(_issueId), Is.Zero);
    }

    [Test]
    public void PersonalData_ListsEachUnsubscribeWithIssueAndSource()
    {
        var reader = _subscribers.Add("reader@example.com", null);
        _unsubscribes.Unsubscribe(reader.Id, _issueId, UnsubscribeSource.OneClick);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            new Newsletter.Audience.Suppression.PersonalData(_database).Write(_subscribers.FindById(reader.Id)!, writer);
        var entry = System.Text.Json.JsonDocument.Parse(buffer.ToArray()).RootElement.GetProperty("unsubscribes").EnumerateArray().Single();
        Assert.That(entry.GetProperty("issue").GetString(), Is.EqualTo("2026-11-20-x"));
        Assert.That(entry.GetProperty("source").GetString(), Is.EqualTo("one-click"));
    }
}
