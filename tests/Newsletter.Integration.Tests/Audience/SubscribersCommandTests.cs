using System.Text.Json;
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Audience;

public class SubscribersCommandTests
{
    [Test]
    public void Import_CsvWithBadRows_ReportsEachKeepsGoodRowsAndFails()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,name\nada@example.com,Ada\nnot-an-address,Bob\ngrace@example.org,Grace\nada@example.com,Again\n");
        var result = workspace.Run("subscribers", "import", "list.csv");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("list.csv(3,1): 'not-an-address' has no '@'"));
        Assert.That(result.Error, Does.Contain("list.csv(5,1): 'ada@example.com' appears twice in the file"));
        Assert.That(result.Output, Does.Contain("Imported 2 subscriber(s): 2 new, 0 updated, 0 suppressed, 2 bad row(s)."));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.EqualTo(2));
    }

    [Test]
    public void Import_LastCommaFirstAndNameColumns_GreetByTheFirstName()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,name\ngrace@example.com,\"Hopper, Grace\"\n");
        workspace.Write("more.csv", "email,First Name,Last Name\nada@example.com,Ada,Lovelace\n");
        Assert.That(workspace.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        Assert.That(workspace.Run("subscribers", "import", "more.csv").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write("issues/2026-12-01-ways.md",
            "---\ntitle: Ways\nsubject: \"{{ subscriber.first_name }}, three ways\"\npreheader: P\n---\nHi {{ subscriber.first_name }} ({{ subscriber.last_name }}),\n\nText.\n");

        foreach (var (email, first, last) in new[] { ("grace@example.com", "Grace", "Hopper"), ("ada@example.com", "Ada", "Lovelace") })
        {
            var render = workspace.Run("render", issue, "--subscriber", email, "--out", "out");
            Assert.That(render.ExitCode, Is.EqualTo(0), render.Output + render.Error);
            var message = MimeKit.MimeMessage.Load(workspace.PathOf("out/2026-12-01-ways.eml"));
            Assert.That(message.Subject, Is.EqualTo($"{first}, three ways"));
            Assert.That(message.TextBody, Does.Contain($"Hi {first} ({last}),"));
        }
        var show = JsonDocument.Parse(workspace.Run("subscribers", "show", "ada@example.com", "--format", "json").Output).RootElement;
        Assert.That(show.GetProperty("first_name").GetString(), Is.EqualTo("Ada"));
        Assert.That(show.GetProperty("fields").EnumerateObject(), Is.Empty, "not custom fields");
    }

    [Test]
    public void Add_NameWithTerminalEscape_FailsAndAddsNothing()
    {
        using var workspace = new TestWorkspace();

        var result = workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada\u001b]0;owned\u0007");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("error: --name: the name contains the control character U+001B at character 4"));
            Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.Zero);
        });
    }

    [Test]
    public void Import_BadAddressWithTerminalEscape_ReportsItNeutralised()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email\n\"bob\u001b]0;x\u0007@\"\n");

        var result = workspace.Run("subscribers", "import", "list.csv");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.Contains("list.csv(2,1): ", StringComparison.Ordinal), Is.True, result.Error);
            Assert.That(result.Error.Contains('\u001b') || result.Error.Contains('\u0007'), Is.False, result.Error);
        });
    }

    [Test]
    public void Import_DryRun_WritesNothing()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email\nada@example.com\n");
        var result = workspace.Run("subscribers", "import", "list.csv", "--dry-run");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.Contain("Dry run: 1 new, 0 updated, 0 suppressed, 0 bad row(s). Nothing was written."));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.EqualTo(0));
    }

    [Test]
    public void Import_UnsubscribedAddressAgain_IsReportedSuppressedAndNeverMailed()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.com");
        workspace.Run("subscribers", "remove", "ada@example.com");
        workspace.Write("list.csv", "email,status\nada@example.com,active\n");
        var result = workspace.Run("subscribers", "import", "list.csv");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.Contain("list.csv(2): ada@example.com is suppressed (unsubscribed); not imported."));
        var send = workspace.Run("send", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        Assert.That(Directory.Exists(workspace.PathOf($"outbox/{SampleIssue.Slug}")), Is.False);
    }

    [Test]
    public void Export_Csv_RoundTripsThroughImportIntoAnotherWorkspace()
    {
        using var first = new TestWorkspace();
        first.Write("list.csv", "email,name,tags,plan\nada@example.com,\"Lovelace, Ada\",rust beginner,pro\nbob@münchen.example,Bob,,free\n");
        Assert.That(first.Run("subscribers", "import", "list.csv").ExitCode, Is.EqualTo(0));
        var exported = first.Run("subscribers", "export", "--format", "csv");
        Assert.That(exported.ExitCode, Is.EqualTo(0), exported.Error);

        using var second = new TestWorkspace();
        second.Write("export.csv", exported.Output);
        var import = second.Run("subscribers", "import", "export.csv");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Error);
        Assert.That(second.Run("subscribers", "export").Output, Is.EqualTo(exported.Output));
        Assert.That(exported.Output, Does.Contain("ada@example.com,\"Lovelace, Ada\",,,beginner rust,active,pro"));
        Assert.That(exported.Output, Does.Contain("bob@xn--mnchen-3ya.example"));
    }

    [Test]
    public void Send_Segment_MailsOnlyTheSegmentAndCountAgrees()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,tags,plan\nada@example.com,rust,pro\nbob@example.com,rust beginner,free\ncy@example.com,go,pro\n");
        workspace.Run("subscribers", "import", "list.csv");
        var count = workspace.Run("subscribers", "count", "--segment", "tag:rust and not tag:beginner or plan = pro");
        Assert.That(count.Output.Trim(), Is.EqualTo("2"), count.Error);

        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text().Replace("preheader:", "segment: tag:rust and not tag:beginner\npreheader:"));
        var send = workspace.Run("send", issue);
        Assert.That(send.ExitCode, Is.EqualTo(0), send.Error);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = 'ada@example.com'"), Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.EqualTo(1));

        var more = workspace.Run("send", issue, "--segment", "plan = pro");
        Assert.That(more.ExitCode, Is.EqualTo(0), more.Error);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.EqualTo(2), "cy joins; ada is not mailed twice");
    }

    [Test]
    public void SendDryRun_Segment_RendersOnlyTheSegment()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,tags,plan\nada@example.com,rust,pro\nbob@example.com,rust beginner,free\ncy@example.com,go,pro\n");
        workspace.Run("subscribers", "import", "list.csv");
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text().Replace("preheader:", "segment: tag:rust and not tag:beginner\npreheader:"));

        var fromIssue = workspace.Run("send", issue, "--dry-run");
        Assert.That(fromIssue.ExitCode, Is.EqualTo(0), fromIssue.Error);
        Assert.That(fromIssue.Output, Does.Contain(": 1 active subscriber(s) in segment 'tag:rust and not tag:beginner', 0 already have it"));

        var fromOption = workspace.Run("send", issue, "--dry-run", "--segment", "plan = pro");
        Assert.That(fromOption.Output, Does.Contain(": 2 active subscriber(s) in segment 'plan = pro'"), fromOption.Error);
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.EqualTo(0));
    }

    [Test]
    public void Count_MalformedSegment_NamesColumn()
    {
        using var workspace = new TestWorkspace();
        var result = workspace.Run("subscribers", "count", "--segment", "tag:rust and (plan = pro");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("--segment(1,25): expected ')' to close the '(' at column 14"));
    }

    [Test]
    public void Count_MisspeltFieldInNotEquals_FailsNamingTheField()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,plan\nada@example.com,pro\nbob@example.com,free\n");
        workspace.Run("subscribers", "import", "list.csv");

        var result = workspace.Run("subscribers", "count", "--segment", "plna != pro");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("--segment(1,1): no subscriber has the field 'plna' and the 'fields' setting does not list it; is it misspelt?"));
            Assert.That(workspace.Run("subscribers", "count", "--segment", "plan != pro").Output.Trim(), Is.EqualTo("1"));
        });
    }

    [Test]
    public void Send_MisspeltFieldInFrontMatterSegment_FailsAtIssueLineAndSendsNothing()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,plan\nada@example.com,pro\n");
        workspace.Run("subscribers", "import", "list.csv");
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text().Replace("preheader:", "segment: plna != pro\npreheader:"));

        var send = workspace.Run("send", issue);
        var dryRun = workspace.Run("send", issue, "--dry-run");
        var withOption = workspace.Run("send", issue, "--segment", "tag:x or plna = y");

        Assert.Multiple(() =>
        {
            Assert.That(send.ExitCode, Is.EqualTo(1));
            Assert.That(send.Error, Does.Contain($"{SampleIssue.Slug}.md(4,10): no subscriber has the field 'plna'"));
            Assert.That(dryRun.ExitCode, Is.EqualTo(1));
            Assert.That(withOption.Error, Does.Contain("--segment(1,10): no subscriber has the field 'plna'"));
            Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.EqualTo(0));
        });
    }

    [TestCase("segment: tag:rust and", "(4,22): error segment: the expression ends too early")]
    [TestCase("segment: plna != pro", "(4,10): error segment: no subscriber has the field 'plna'")]
    public void Check_FrontMatterSegmentSendRefuses_FailsToo(string line, string expected)
    {
        using var workspace = new TestWorkspace();
        workspace.Write("list.csv", "email,plan\nada@example.com,pro\n");
        workspace.Run("subscribers", "import", "list.csv");
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text().Replace("preheader:", line + "\npreheader:"));

        var check = workspace.Run("check", issue);
        var send = workspace.Run("send", issue);

        Assert.Multiple(() =>
        {
            Assert.That(check.ExitCode, Is.EqualTo(1), check.Output);
            Assert.That(check.Output, Does.Contain(SampleIssue.Slug + ".md" + expected));
            Assert.That(send.ExitCode, Is.EqualTo(1));
        });
    }

    [Test]
    public void Send_MalformedFrontMatterSegment_PointsAtIssueLine()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.com");
        var issue = workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text().Replace("preheader:", "segment: tag:rust and\npreheader:"));
        var result = workspace.Run("send", issue);
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"{SampleIssue.Slug}.md(4,22): the expression ends too early"));
        Assert.That(workspace.Count("SELECT count(*) FROM deliveries"), Is.EqualTo(0));
    }

    [Test]
    public void Forget_ThenShowAndImport_DataGoneAndAddressStaysSuppressed()
    {
        using var workspace = new TestWorkspace();
        workspace.Run("subscribers", "add", "ada@example.com", "--name", "Ada", "--tag", "rust");
        var shown = workspace.Run("subscribers", "show", "ada@example.com", "--format", "json");
        Assert.That(shown.ExitCode, Is.EqualTo(0), shown.Error);
        var data = JsonDocument.Parse(shown.Output).RootElement;
        Assert.That(data.GetProperty("name").GetString(), Is.EqualTo("Ada"));
        Assert.That(data.GetProperty("tags")[0].GetString(), Is.EqualTo("rust"));
        Assert.That(data.GetProperty("deliveries").GetArrayLength(), Is.Zero);

        var forget = workspace.Run("subscribers", "forget", "ADA@example.com");
        Assert.That(forget.ExitCode, Is.EqualTo(0), forget.Error);
        Assert.That(workspace.Run("subscribers", "show", "ada@example.com").ExitCode, Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.Zero);

        workspace.Write("list.csv", "email\nada@example.com\n");
        var import = workspace.Run("subscribers", "import", "list.csv");
        Assert.That(import.Output, Does.Contain("ada@example.com is suppressed (erased)"));
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(1));
        Assert.That(workspace.Count("SELECT count(*) FROM subscribers"), Is.Zero);
    }
}
