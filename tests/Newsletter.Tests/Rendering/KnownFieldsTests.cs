// A merge field is defined in templates when the list knows it: some subscriber has it, or the settings declare it.
using Newsletter.Audience;
using Newsletter.Checks;
using Newsletter.Rendering;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Rendering;

public class KnownFieldsTests
{
    private const string Body = "Plan: {{ subscriber.fields.plan | default: \"free\" }}.{% if subscriber.fields.plan %} Paid!{% endif %} Sir {{ subscriber.plan }}.";

    [Test]
    public void Render_DeclaredFieldNoSubscriberHas_DefaultApplies()
    {
        using var temp = new TempWorkspace();
        var workspace = Open(temp, """["plan"]""");
        var ada = workspace.Subscribers.Add("ada@example.com", "Ada Lovelace");

        var text = Render(workspace, temp, Body, ada);

        Assert.That(text, Does.Contain("Plan: free. Sir ."), "nil, so default applies and the if is false");
    }

    [Test]
    public void Render_FieldAnotherSubscriberHas_DefinedForEveryone()
    {
        using var temp = new TempWorkspace();
        var workspace = Open(temp, null);
        var ada = workspace.Subscribers.Add("ada@example.com", "Ada Lovelace");
        var bob = workspace.Subscribers.Add("bob@example.com", "Bob", new Dictionary<string, string> { ["plan"] = "pro" });

        Assert.That(Render(workspace, temp, Body, ada), Does.Contain("Plan: free. Sir ."));
        Assert.That(Render(workspace, temp, Body, bob), Does.Contain("Plan: pro. Paid! Sir pro."));
    }

    [Test]
    public void Check_FieldNeitherDeclaredNorOnTheList_IsAnErrorWithPosition()
    {
        using var temp = new TempWorkspace();
        var workspace = Open(temp, """["plan"]""");
        var path = temp.Write("issues/2026-12-01-x.md", "---\ntitle: T\npreheader: P\n---\nHi {{ subscriber.fields.plna | default: \"free\" }}\n");

        var finding = workspace.Check(path).Findings.Single(f => f.Severity == CheckSeverity.Error);

        Assert.That((finding.Rule, finding.Position.Line, finding.Position.Column), Is.EqualTo(("liquid", 5, 25)), "at the unknown name");
        Assert.That(finding.Message, Does.Contain("'plna'"));
    }

    [Test]
    public void Check_SegmentOnADeclaredField_IsAccepted()
    {
        using var temp = new TempWorkspace();
        var workspace = Open(temp, """["plan"]""");
        var path = temp.Write("issues/2026-12-01-x.md", "---\ntitle: T\npreheader: P\nsegment: plan != pro\n---\nHi.\n");

        Assert.That(workspace.Check(path).Findings.Where(f => f.Severity == CheckSeverity.Error), Is.Empty);
        Assert.That(workspace.HasField("plan"), Is.True);
        Assert.That(workspace.HasField("Plan"), Is.False, "names are exact");
    }

    [Test]
    public void KnownFields_DeclaredAndStored_EachOnceInOrder()
    {
        using var temp = new TempWorkspace();
        var workspace = Open(temp, """["plan", "company"]""");
        workspace.Subscribers.Add("bob@example.com", "Bob", new Dictionary<string, string> { ["plan"] = "pro", ["city"] = "Lima" });

        Assert.That(workspace.KnownFields(), Is.EqualTo(new[] { "city", "company", "plan" }));
    }

    private static Workspace Open(TempWorkspace temp, string? fields)
    {
        var templates = IssueRendererGoldenTests.RepositoryTemplatesPath();
        var config = $$"""
            { "database": "newsletter.db", "templates": "{{templates}}", "signingKeyFile": "keys/signing.key"{{(fields is null ? "" : ", \"fields\": " + fields)}} }
            """;
        return Workspace.Open(temp.Write("newsletter.json", config));
    }

    private static string Render(Workspace workspace, TempWorkspace temp, string body, Subscriber subscriber)
    {
        var issue = workspace.LoadIssue(temp.Write("issues/2026-12-01-x.md", $"---\ntitle: T\npreheader: P\n---\n{body}\n"));
        return workspace.Prepare(issue, 0).Render(subscriber).Text;
    }
}
