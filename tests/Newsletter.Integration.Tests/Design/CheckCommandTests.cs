// `newsletter check`, and `render`/`send` refusing an issue whose checks find errors.
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Design;

public class CheckCommandTests
{
    private static string EveryFault => File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Newsletter.Tests", "Checks", "every-fault.md"));

    [Test]
    public void Check_FileWithEveryFault_PrintsPositionsAndExitsOne()
    {
        using var workspace = new TestWorkspace();
        RemoveUnsubscribeLinks(workspace);
        var result = workspace.Run("check", workspace.Write("issues/2026-11-27-faults.md", EveryFault));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
        foreach (var rule in new[] { "warning link-relative", "warning link-http", "error link-malformed", "warning image-alt", "warning image-width",
                     "warning subject-length", "warning preheader-empty", "error unsubscribe-missing", "warning css-support" })
            Assert.That(result.Output, Does.Contain(rule), result.Output);
        Assert.That(result.Output, Does.Contain("issues/2026-11-27-faults.md(7,22): warning link-relative"));
        Assert.That(result.Output, Does.Match(@"HTML [\d,]+ bytes .* 4 error\(s\), \d+ warning\(s\)\."));
    }

    [Test]
    public void Check_LocalImageMissing_ExitsOneNamingFileLineAndColumn()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("issues/images/hero.png", "PNG");
        var result = workspace.Run("check", workspace.Write("issues/2026-12-01-pictures.md",
            "---\ntitle: Pictures\npreheader: P\n---\n![Hero](images/hero.png){width=600}\n\n![Chart](images/chart.png){width=600}\n"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain("issues/2026-12-01-pictures.md(7,10): error image-missing: the image 'images/chart.png' does not exist"));
        Assert.That(result.Output, Does.Not.Contain("hero.png' does not exist").And.Not.Contain("link-relative"));
    }

    [Test]
    public void Render_ParserWarnings_ArePrintedAndTheIssueIsRendered()
    {
        using var workspace = new TestWorkspace();
        var result = workspace.Run("render", workspace.Write("issues/2026-12-01-build-notes.md", "Notes from elsewhere, Build #12.\n"), "--out", "out");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Error, Does.Contain("issues/2026-12-01-build-notes.md(1,1): warning title-from-file-name:"));
        Assert.That(result.Output, Does.Contain("Rendered 'Build notes'"));
    }

    [Test]
    public void Check_MergeFieldNobodyHasYet_IsAnErrorUntilDeclaredInTheSettings()
    {
        using var workspace = new TestWorkspace();
        var issue = workspace.Write("issues/2026-12-01-plans.md",
            "---\ntitle: Plans\npreheader: P\n---\nYou are on {{ subscriber.fields.plan | default: \"free\" }}.\n");

        var undeclared = workspace.Run("check", issue);
        Assert.That(undeclared.ExitCode, Is.EqualTo(1), undeclared.Output + undeclared.Error);
        Assert.That(undeclared.Output, Does.Contain("issues/2026-12-01-plans.md(5,33): error liquid: undefined variable 'plan'"));

        workspace.Configure(c => c["fields"] = new System.Text.Json.Nodes.JsonArray("plan"));
        var declared = workspace.Run("check", issue);
        Assert.That(declared.ExitCode, Is.EqualTo(0), declared.Output + declared.Error);
        var render = workspace.Run("render", issue, "--out", "out");
        Assert.That(render.ExitCode, Is.EqualTo(0), render.Output + render.Error);
        Assert.That(File.ReadAllText(workspace.PathOf("out/2026-12-01-plans.txt")), Does.Contain("You are on free."));
    }

    [Test]
    public void Check_CleanIssue_ExitsZeroWithSizes()
    {
        using var workspace = new TestWorkspace();
        var result = workspace.Run("check", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Does.Match(@"HTML [\d,]+ bytes \([\d.]+ KB of Gmail's 102 KB\), text [\d,]+ bytes; 0 error\(s\), 0 warning\(s\)\."));
    }

    [Test]
    public void Check_SmtpWithoutDkim_WarnsThatTheOneClickHeadersGoUnsigned()
    {
        using var workspace = new TestWorkspace();
        workspace.Configure(c => c["transport"] = "smtp://smtp.example.com:587");
        var result = workspace.Run("check", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain("newsletter.json: warning dkim-unsigned:"));
        Assert.That(result.Output, Does.Contain("Signing: messages are not DKIM-signed here"));
    }

    [Test]
    public void Check_DkimConfigured_SaysEveryMessageIsSigned()
    {
        using var workspace = new TestWorkspace();
        using (var key = System.Security.Cryptography.RSA.Create(2048))
            workspace.Write("dkim.pem", key.ExportRSAPrivateKeyPem());
        workspace.Configure(c =>
        {
            c["transport"] = "smtp://smtp.example.com:587";
            c["dkim"] = new System.Text.Json.Nodes.JsonObject { ["domain"] = "example.com", ["selector"] = "news", ["privateKeyFile"] = "dkim.pem" };
        });
        var result = workspace.Run("check", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain("Signing: every message is DKIM-signed (d=example.com, s=news"));
        Assert.That(result.Output, Does.Not.Contain("dkim-unsigned").And.Not.Contain("BEGIN RSA PRIVATE KEY"));
    }

    [Test]
    public void Check_DkimKeyUnreadable_NamesTheFileAndExitsOne()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("dkim.pem", "not a key");
        workspace.Configure(c => c["dkim"] = new System.Text.Json.Nodes.JsonObject { ["domain"] = "example.com", ["selector"] = "news", ["privateKeyFile"] = "dkim.pem" });
        var result = workspace.Run("check", workspace.Write($"issues/{SampleIssue.Slug}.md", SampleIssue.Text()));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
        Assert.That(result.Error, Does.Contain("dkim.pem").And.Contain("'dkim' cannot sign"));
    }

    [Test]
    public void Check_LiquidError_ExitsOneWithLineAndColumn()
    {
        using var workspace = new TestWorkspace();
        var result = workspace.Run("check", workspace.Write("issues/bad.md", "---\ntitle: T\npreheader: P\n---\nHi {{ subscriber.frist_name }}\n"));
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Output, Does.Match(@"issues/bad\.md\(5,\d+\): error liquid: "));
    }

    [Test]
    public void SendAndRender_IssueWithCheckErrors_RefuseAndSendNothing()
    {
        using var workspace = new TestWorkspace();
        Assert.That(workspace.Run("subscribers", "add", "ada@example.com").ExitCode, Is.EqualTo(0));
        var issue = workspace.Write("issues/2026-11-27-broken.md", "---\ntitle: T\npreheader: P\n---\nSee <a href=\"https://exa mple.com\">this</a>.\n");

        var send = workspace.Run("send", issue);
        Assert.That(send.ExitCode, Is.EqualTo(1), send.Output);
        Assert.That(send.Error, Does.Contain("error link-malformed"));
        Assert.That(Directory.Exists(workspace.PathOf("outbox/2026-11-27-broken")), Is.False, "nothing was sent");
        Assert.That(workspace.Count("SELECT COUNT(*) FROM deliveries"), Is.EqualTo(0));

        var render = workspace.Run("render", issue, "--out", "out");
        Assert.That(render.ExitCode, Is.EqualTo(1));
        Assert.That(Directory.Exists(workspace.PathOf("out")), Is.False, "nothing was written");
    }

    private static void RemoveUnsubscribeLinks(TestWorkspace workspace)
    {
        foreach (var footer in Directory.EnumerateFiles(workspace.PathOf("templates/partials"), "footer.*"))
            File.WriteAllText(footer, File.ReadAllText(footer).Replace("{{ unsubscribe_url }}", "{{ newsletter.url }}"));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Newsletter.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }
}
