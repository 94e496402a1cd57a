using Newsletter.Configuration;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Configuration;

public class SettingsLoaderTests
{
    [Test]
    public void Load_ResolvesRelativePathsAgainstTheFile()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("conf/newsletter.json", """{ "name": "N", "database": "data/n.db", "transport": "outbox:out" }""");
        var settings = SettingsLoader.Load(file);
        Assert.That(settings.Database, Is.EqualTo(workspace.PathOf("conf/data/n.db")));
        Assert.That(settings.Transport, Is.EqualTo("outbox:" + workspace.PathOf("conf/out")));
        Assert.That(settings.Templates, Is.EqualTo(workspace.PathOf("conf/templates")));
    }

    [Test]
    public void Load_EnvironmentOverridesTheFile()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", """{ "baseUrl": "https://a.example" }""");
        Environment.SetEnvironmentVariable("NEWSLETTER__BASEURL", "https://b.example/");
        try
        {
            Assert.That(SettingsLoader.Load(file).BaseUrl, Is.EqualTo("https://b.example"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEWSLETTER__BASEURL", null);
        }
    }

    [Test]
    public void Load_MalformedJson_NamesLineAndColumn()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", "{\n  \"name\": \"N\",\n  \"from\" \"x\"\n}\n");
        var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load(file))!;
        Assert.That(error.Position.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.StartWith(file + "(3,"));
    }

    [Test]
    public void Load_MissingFile_SaysHowToCreateOne()
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load("/nonexistent/newsletter.json"))!;
        Assert.That(error.Reason, Does.Contain("newsletter init"));
    }

    [Test]
    public void Load_BouncesSection_IsReadWithDefaultsForWhatIsLeftOut()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json",
            """{ "bounceAddress": " bounces@news.example.com ", "bounces": { "mailbox": "imaps://b@imap.example.com/INBOX", "processedFolder": "Done" } }""");
        var settings = SettingsLoader.Load(file);
        Assert.That(settings.BounceAddress, Is.EqualTo("bounces@news.example.com"));
        Assert.That((settings.Bounces.Mailbox, settings.Bounces.ProcessedFolder, settings.Bounces.SoftBounceLimit, settings.Bounces.AllowInvalidCertificate),
            Is.EqualTo(("imaps://b@imap.example.com/INBOX", "Done", 3, false)));
        Assert.That(SettingsLoader.Load(workspace.Write("other.json", "{}")).BounceAddress, Is.Null);
    }
}
