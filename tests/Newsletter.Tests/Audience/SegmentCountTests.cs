using Newsletter.Audience;
using Newsletter.Audience.Segments;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class SegmentCountTests(StoreKind kind)
{
    private TestStore _test = null!;
    private SubscriberStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _store = new SubscriberStore(_test.Database, TimeProvider.System);
        _store.Add("ada@example.com", "Ada", new Dictionary<string, string> { ["plan"] = "pro" }, tags: ["rust"]);
        _store.Add("bob@example.com", "Bob", new Dictionary<string, string> { ["plan"] = "free" }, tags: ["rust", "beginner"]);
        _store.Add("cy@example.com", "Cy", new Dictionary<string, string> { ["plan"] = "Pro", ["country"] = "New Zealand" }, tags: ["go"]);
        _store.Add("dee@example.com", "Dee", new Dictionary<string, string> { ["city"] = "Édimbourg" }, tags: ["rust"]);
        var gone = _store.Add("eve@example.com", "Eve", new Dictionary<string, string> { ["plan"] = "pro" }, tags: ["rust"]);
        _store.SetStatus(gone.Id, SubscriberStatus.Unsubscribed);
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    [TestCase("tag:rust", 3)]
    [TestCase("tag:RUST and not tag:beginner", 2)]
    [TestCase("plan = pro", 2)]
    [TestCase("plan != pro", 2)]
    [TestCase("tag:go or (tag:rust and plan = free)", 2)]
    [TestCase("country = \"new zealand\"", 1)]
    [TestCase("not (tag:rust or tag:go)", 0)]
    [TestCase("tag:nobody", 0)]
    [TestCase("(tag:go or tag:beginner) and (plan = pro or plan = free)", 2)]
    [TestCase("not tag:go or tag:go", 4)]
    [TestCase("not tag:rust or tag:beginner", 2)]
    [TestCase("plan != free and not tag:beginner", 3)]
    [TestCase("plan != \"\"", 3)]
    [TestCase("plan = \"\"", 0)]
    [TestCase("not (plan = pro) and tag:rust", 2)]
    [TestCase("Plan = pro", 0)]
    [TestCase("city = Édimbourg", 1)]
    [TestCase("city = ÉDIMBOURG", 1)]
    [TestCase("city = édimbourg", 0)] // case is folded for ASCII letters only, on both engines (SQLite's NOCASE)
    public void Count_Segment_CountsActiveSubscribersItSelects(string expression, long expected)
    {
        Assert.That(_store.Count(CompiledSegment.Compile(expression)), Is.EqualTo(expected));
    }

    [Test]
    public void Count_SixHundredConditions_StaysWithinSqliteCompoundLimit()
    {
        var expression = string.Join(" or ", Enumerable.Range(0, 600).Select(i => $"tag:t{i}")) + " or tag:go";
        Assert.That(_store.Count(CompiledSegment.Compile(expression)), Is.EqualTo(1));
    }

    [TestCase("tag:rust", "ada bob dee")]
    [TestCase("tag:go or (tag:rust and plan = free)", "bob cy")]
    [TestCase("plan != pro", "bob dee")]
    [TestCase("country = \"new zealand\"", "cy")]
    [TestCase("tag:nobody", "")]
    public void List_Segment_ListsActiveSubscribersItSelectsInIdOrder(string expression, string expected)
    {
        Assert.That(Names(_store.List(CompiledSegment.Compile(expression))), Is.EqualTo(expected));
    }

    [Test]
    public void List_SixHundredConditions_ListsTheOneItSelects()
    {
        var expression = string.Join(" or ", Enumerable.Range(0, 600).Select(i => $"tag:t{i}")) + " or tag:go";
        Assert.That(Names(_store.List(CompiledSegment.Compile(expression))), Is.EqualTo("cy"));
    }

    [Test]
    public void List_Segment_RowsAreWhole()
    {
        var cy = _store.List(CompiledSegment.Compile("tag:go")).Single();
        Assert.That((cy.Name, cy.Tags.Single(), cy.Fields["country"]), Is.EqualTo(("Cy", "go", "New Zealand")));
    }

    [Test]
    public void Prepare_Segment_EnqueuesOnlyTheSubscribersItSelects()
    {
        var issue = new IssueStore(_test.Database, TimeProvider.System).Register(
            Newsletter.Authoring.IssueParser.Parse("issues/2026-11-20-x.md", "---\ntitle: X\n---\nBody\n")).Id;
        var ledger = new SendLedger(_test.Database, TimeProvider.System);

        Assert.That(ledger.Prepare(issue, "2026-11-20-x", "example.com", CompiledSegment.Compile("tag:rust and not tag:beginner")).Enqueued, Is.EqualTo(2));
        Assert.That(Names(ledger.Claim(issue, 10).Select(d => d.Subscriber)), Is.EqualTo("ada dee"));
    }

    private static string Names(IEnumerable<Subscriber> subscribers) => string.Join(' ', subscribers.Select(s => s.Email.Split('@')[0]));

    [Test]
    public void Count_Everyone_CountsOnlyActive()
    {
        Assert.That(_store.Count(CompiledSegment.Everyone), Is.EqualTo(4));
    }
}
