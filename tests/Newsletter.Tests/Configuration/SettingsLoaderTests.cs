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

    [TestCase("javascript:alert(1)//")]
    [TestCase("news.example.com")]
    [TestCase("ftp://news.example.com")]
    [TestCase("/")]
    public void Load_BaseUrlNotAbsoluteHttp_NamesTheSettingAndItsLine(string baseUrl)
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", "{\n  \"name\": \"N\",\n  \"baseUrl\": \"" + baseUrl + "\"\n}\n");

        var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load(file))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith(file + "(3,3): 'baseUrl' must be an absolute http or https URL"));
            Assert.That(error.Position.Line, Is.EqualTo(3));
        });
    }

    [TestCase("/")]
    [TestCase(".")]
    public void Load_DatabaseIsAFolder_NamesDatabase(string database)
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", "{ \"database\": \"" + database + "\" }");

        var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load(file))!;

        Assert.That(error.Message, Does.StartWith(file + "(1,3): 'database' must name a file"));
    }

    [Test]
    public void ValidateForSending_BaseUrlAndFromMissing_NamesBaseUrlThenFrom()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", """{ "name": "N" }""");
        var settings = SettingsLoader.Load(file);
        var withBase = SettingsLoader.Load(workspace.Write("other/newsletter.json", """{ "name": "N", "baseUrl": "https://n.example" }"""));

        var missingBase = Assert.Throws<ConfigurationFileException>(settings.ValidateForSending)!;
        var missingFrom = Assert.Throws<ConfigurationFileException>(withBase.ValidateForSending)!;

        Assert.Multiple(() =>
        {
            Assert.That(missingBase.Message, Does.StartWith(file + ": 'baseUrl' is not set"));
            Assert.That(missingFrom.Message, Does.StartWith(workspace.PathOf("other/newsletter.json") + ": 'from' is not set"));
            Assert.That(settings.BaseUrl, Is.EqualTo("http://127.0.0.1:5080"), "commands other than a real send keep the default");
        });
    }

    [Test]
    public void ValidateForSending_FromNotAMailbox_NamesFrom()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", """{ "baseUrl": "https://n.example", "from": "nobody" }""");

        var error = Assert.Throws<ConfigurationFileException>(SettingsLoader.Load(file).ValidateForSending)!;

        Assert.That(error.Reason, Does.StartWith("'from' must be a mailbox"));
    }

    [Test]
    public void ValidateForSending_AllGiven_Passes()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", """{ "baseUrl": "https://n.example", "from": "The Build <news@n.example>" }""");

        Assert.DoesNotThrow(SettingsLoader.Load(file).ValidateForSending);
    }
}
