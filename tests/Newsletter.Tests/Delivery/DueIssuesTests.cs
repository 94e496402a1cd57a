using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Delivery;

[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public class DueIssuesTests(StoreKind kind)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private TestStore _test = null!;
    private TempWorkspace _workspace = null!;
    private IssueStore _issues = null!;

    [SetUp]
    public void SetUp()
    {
        _test = TestStore.Create(kind);
        _workspace = _test.Workspace;
        _issues = new IssueStore(_test.Database, new ManualClock(Now));
        _workspace.Write("issues/2026-11-21-past.md", "---\ntitle: Past\nsend_at: 2026-11-21T07:00:00Z\n---\nBody\n");
        _workspace.Write("issues/2026-11-23-future.md", "---\ntitle: Future\nsend_at: 2026-11-23T07:00:00Z\n---\nBody\n");
        _workspace.Write("issues/2026-11-24-unscheduled.md", "---\ntitle: Unscheduled\n---\nBody\n");
    }

    [TearDown]
    public void TearDown() => _test.Dispose();

    private IReadOnlyList<string> Due() =>
        DueIssues.Find(_workspace.PathOf("issues"), _issues, Now, out _).Select(i => i.Slug).ToList();

    [Test]
    public void Find_SendAtPassed_IsDue()
    {
        Assert.That(Due(), Is.EqualTo(new[] { "2026-11-21-past" }));
    }

    [Test]
    public void Find_ScheduleCommandTime_WinsOverSendAt()
    {
        var future = _issues.Register(Newsletter.Authoring.IssueParser.Load(_workspace.PathOf("issues/2026-11-23-future.md")));
        var past = _issues.Register(Newsletter.Authoring.IssueParser.Load(_workspace.PathOf("issues/2026-11-21-past.md")));
        var unscheduled = _issues.Register(Newsletter.Authoring.IssueParser.Load(_workspace.PathOf("issues/2026-11-24-unscheduled.md")));
        _issues.Schedule(future.Id, Now.AddMinutes(-1));
        _issues.Schedule(past.Id, Now.AddDays(1));
        _issues.Schedule(unscheduled.Id, Now.AddMinutes(-2));
        Assert.That(Due(), Is.EqualTo(new[] { "2026-11-24-unscheduled", "2026-11-23-future" }));
        Assert.That(_issues.FindById(past.Id)!.State, Is.EqualTo("scheduled"));
    }

    [Test]
    public void Find_PausedOrCancelled_IsNotDue()
    {
        var past = _issues.Register(Newsletter.Authoring.IssueParser.Load(_workspace.PathOf("issues/2026-11-21-past.md")));
        _issues.Pause(past.Id, "checking the links");
        Assert.That(Due(), Is.Empty);
        Assert.That(_issues.FindById(past.Id)!.State, Is.EqualTo("paused"));
        Assert.That(_issues.FindById(past.Id)!.PausedReason, Is.EqualTo("checking the links"));

        _issues.Resume(past.Id);
        Assert.That(Due(), Is.EqualTo(new[] { "2026-11-21-past" }));

        _issues.Cancel(past.Id);
        Assert.That(Due(), Is.Empty);
        Assert.That(_issues.FindById(past.Id)!.State, Is.EqualTo("cancelled"));
    }

    [Test]
    public void Find_MalformedFile_IsReportedWithItsPathAndSkipped()
    {
        _workspace.Write("issues/2026-11-20-broken.md", "---\ntitle: [unclosed\n---\nBody\n");
        var due = DueIssues.Find(_workspace.PathOf("issues"), _issues, Now, out var problems);
        Assert.That(due.Select(i => i.Slug), Is.EqualTo(new[] { "2026-11-21-past" }));
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Message, Does.Contain("2026-11-20-broken.md"));
    }

    [Test]
    public void Find_WelcomeIssueWithPastSendAt_IsNeverDue()
    {
        _workspace.Write("issues/2026-11-20-welcome.md", "---\ntitle: Welcome\nwelcome: true\nsend_at: 2026-11-20T07:00:00Z\n---\nBody\n");
        Assert.That(Due(), Is.EqualTo(new[] { "2026-11-21-past" }));
    }
}
