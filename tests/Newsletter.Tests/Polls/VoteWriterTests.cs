using System.Data.Common;
using System.Threading.Channels;
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Polls;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Polls;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class VoteWriterTests(StoreKind kind)
{
    [Test]
    public async Task RecordAsync_ManyConcurrentVotes_EveryAcknowledgedVoteIsInTheDatabase()
    {
        using var temp = TestStore.Create(kind);
        var (database, issueId, subscribers) = Seed(temp, 200);
        var writer = new VoteWriter(database, TimeProvider.System);
        var receipts = await Task.WhenAll(subscribers.SelectMany(s => new[] { 3, 5 }.Select(r => Task.Run(() => writer.RecordAsync(issueId, s, r)))));
        await writer.DisposeAsync();
        Assert.That(receipts.Count(r => r.Recorded), Is.EqualTo(400));
        Assert.That(Count(temp, "SELECT count(*) FROM vote_history"), Is.EqualTo(400));
        Assert.That(Count(temp, "SELECT count(*) FROM votes"), Is.EqualTo(200), "one current vote per subscriber");
    }

    [Test]
    public async Task RecordAsync_UnknownSubscriberInBatch_OnlyThatVoteIsRefused()
    {
        using var temp = TestStore.Create(kind);
        var (database, issueId, subscribers) = Seed(temp, 3);
        await using var writer = new VoteWriter(database, TimeProvider.System);
        var receipts = await Task.WhenAll(writer.RecordAsync(issueId, subscribers[0], 4), writer.RecordAsync(issueId, 999_999, 4),
            writer.RecordAsync(issueId + 1, subscribers[1], 4), writer.RecordAsync(issueId, subscribers[2], 2));
        Assert.That(receipts.Select(r => r.Recorded), Is.EqualTo(new[] { true, false, false, true }));
        Assert.That(Count(temp, "SELECT count(*) FROM vote_history"), Is.EqualTo(2));
    }

    [Test]
    public async Task RecordAsync_AfterComment_ReturnsCommentAndFirstNameAndKeepsComment()
    {
        using var temp = TestStore.Create(kind);
        var (database, issueId, subscribers) = Seed(temp, 1);
        var store = new VoteStore(database, TimeProvider.System);
        Assert.That(store.SaveComment(issueId, subscribers[0], "before voting"), Is.False, "a comment belongs to a vote");
        Assert.That(store.Record(issueId, subscribers[0], 5), Is.True);
        Assert.That(store.SaveComment(issueId, subscribers[0], "  <i>nice</i>  "), Is.True);
        await using var writer = new VoteWriter(database, TimeProvider.System);
        var receipt = await writer.RecordAsync(issueId, subscribers[0], 2);
        Assert.That(receipt, Is.EqualTo(new VoteReceipt(true, "<i>nice</i>", "Reader")), "\"Reader 0\" is greeted as Reader");
        Assert.That(store.Find(issueId, subscribers[0]), Is.EqualTo(new CurrentVote(2, "<i>nice</i>")));
        Assert.Throws<ArgumentException>(() => store.SaveComment(issueId, subscribers[0], new string('x', VoteStore.MaxCommentLength + 1)));
    }

    [Test]
    public async Task RecordAsync_DatabaseGone_FailsTheVoteInsteadOfWaitingForEver()
    {
        var temp = TestStore.Create(kind);
        var (database, issueId, subscribers) = Seed(temp, 1);
        temp.Dispose();
        var writer = new VoteWriter(database, TimeProvider.System);

        var vote = writer.RecordAsync(issueId, subscribers[0], 4).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(async () => await vote, Throws.InstanceOf<DbException>().Or.InstanceOf<ChannelClosedException>());
        Assert.That(async () => await writer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)), Throws.Nothing);
    }

    private static (Database Database, long IssueId, List<long> Subscribers) Seed(TestStore temp, int count)
    {
        var database = temp.Database;
        var subscriberStore = new SubscriberStore(database, TimeProvider.System);
        var ids = Enumerable.Range(0, count).Select(i => subscriberStore.Add($"reader{i}@example.com", $"Reader {i}").Id).ToList();
        var issue = new IssueStore(database, TimeProvider.System).Register(IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n"));
        return (database, issue.Id, ids);
    }

    // Read through a second opening of the store, as another program would see the votes.
    private static long Count(TestStore temp, string sql)
    {
        using var connection = temp.Reopen().Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ScalarLong();
    }
}
