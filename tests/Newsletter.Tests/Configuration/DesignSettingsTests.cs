using Newsletter.Configuration;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Configuration;

public class DesignSettingsTests
{
    [Test]
    public void Load_DesignSection_ResolvesTheLogoFileAndKeepsTheValues()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("conf/brand/logo.png", "not really a png");
        var file = workspace.Write("conf/newsletter.json",
            """{ "design": { "logo": "brand/logo.png", "logoWidth": 120, "accent": "#8A3FFC", "footer": "Made in *Berlin*." } }""");
        var design = SettingsLoader.Load(file).Design;
        Assert.That(design.Logo, Is.EqualTo(workspace.PathOf("conf/brand/logo.png")));
        Assert.That(design.LogoPath, Is.EqualTo("/design/logo.png"));
        Assert.That(design.LogoWidth, Is.EqualTo(120));
        Assert.That(design.AccentOrDefault, Is.EqualTo("#8a3ffc"));
        Assert.That(design.FooterOrDefault, Is.EqualTo("Made in *Berlin*."));
    }

    [Test]
    public void Load_NoDesignSection_UsesTheDefaults()
    {
        using var workspace = new TempWorkspace();
        var design = SettingsLoader.Load(workspace.Write("newsletter.json", "{}")).Design;
        Assert.That(design.Logo, Is.Null);
        Assert.That(design.AccentOrDefault, Is.EqualTo(DesignSettings.DefaultAccent));
        Assert.That(design.FooterOrDefault, Is.EqualTo(DesignSettings.DefaultFooter));
    }

    [Test]
    public void Load_HttpsLogo_IsKeptAsAUrlAndNotServed()
    {
        using var workspace = new TempWorkspace();
        var design = SettingsLoader.Load(workspace.Write("newsletter.json", """{ "design": { "logo": "https://cdn.example.com/logo.png" } }""")).Design;
        Assert.That(design.Logo, Is.EqualTo("https://cdn.example.com/logo.png"));
        Assert.That(design.LogoPath, Is.Null);
    }

    [TestCase("""{ "design": { "accent": "blue" } }""", "design.accent", "#rrggbb")]
    [TestCase("""{ "design": { "accent": "#09d" } }""", "design.accent", "#rrggbb")]
    [TestCase("""{ "design": { "logoWidth": 2000 } }""", "design.logoWidth", "16 to 600")]
    [TestCase("""{ "design": { "logo": "http://cdn.example.com/logo.png" } }""", "design.logo", "https")]
    [TestCase("""{ "design": { "logo": "logo.svg" } }""", "design.logo", "PNG, JPEG or GIF")]
    [TestCase("""{ "design": { "logo": "missing.png" } }""", "design.logo", "does not exist")]
    public void Load_BadDesignValue_NamesTheSettingTheFileAndTheLine(string json, string setting, string hint)
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", json.Replace("{ \"design\": ", "{\n  \"design\": ", StringComparison.Ordinal));
        var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load(file))!;
        Assert.That(error.Message, Does.StartWith(file + "(2,"));
        Assert.That(error.Message, Does.Contain($"'{setting}'").And.Contain(hint));
    }

    [Test]
    public void Load_BadAccentFromTheEnvironment_NamesTheVariable()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", "{}");
        Environment.SetEnvironmentVariable("NEWSLETTER__DESIGN__ACCENT", "red");
        try
        {
            var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load(file))!;
            Assert.That(error.Message, Does.Contain("'design.accent' (set by NEWSLETTER__DESIGN__ACCENT)"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEWSLETTER__DESIGN__ACCENT", null);
        }
    }
}
