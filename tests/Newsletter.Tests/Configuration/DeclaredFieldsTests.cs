// The `fields` setting: merge fields the list knows before any subscriber has them.
using Newsletter.Configuration;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Configuration;

public class DeclaredFieldsTests
{
    [Test]
    public void Load_FieldsList_IsReadTrimmedAndOnce()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", """{ "fields": ["plan", " company ", "plan"] }""");

        Assert.That(SettingsLoader.Load(file).Fields, Is.EqualTo(new[] { "plan", "company" }));
    }

    [Test]
    public void Load_NoFieldsSetting_DeclaresNone()
    {
        using var workspace = new TempWorkspace();

        Assert.That(SettingsLoader.Load(workspace.Write("newsletter.json", """{ "name": "N" }""")).Fields, Is.Empty);
    }

    [TestCase("{ \"plan\": \"free\" }")]
    [TestCase("\"plan\"")]
    [TestCase("[[\"plan\"]]")]
    public void Load_FieldsNotAListOfNames_IsAnErrorAtTheSettingsLine(string value)
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", "{\n  \"name\": \"N\",\n  \"fields\": " + value + "\n}\n");

        var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load(file))!;

        Assert.That((error.Position.Line, error.Position.Column), Is.EqualTo((3, 3)));
        Assert.That(error.Reason, Does.StartWith("'fields' must be a list of merge field names").And.Contain("default: \"free\""));
    }

    [Test]
    public void Load_FieldsWithAnEmptyName_IsAnError()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", """{ "fields": ["plan", " "] }""");

        var error = Assert.Throws<ConfigurationFileException>(() => SettingsLoader.Load(file))!;

        Assert.That(error.Reason, Does.Contain("empty name (item 2)"));
    }

    [Test]
    public void Load_FieldsFromTheEnvironment_AreDeclared()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", """{ "name": "N" }""");
        Environment.SetEnvironmentVariable("NEWSLETTER__FIELDS__0", "plan");
        try
        {
            Assert.That(SettingsLoader.Load(file).Fields, Is.EqualTo(new[] { "plan" }));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEWSLETTER__FIELDS__0", null);
        }
    }
}
