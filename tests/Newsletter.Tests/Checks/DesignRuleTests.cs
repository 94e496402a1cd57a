using Newsletter.Checks;
using Newsletter.Configuration;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Checks;

public class DesignRuleTests
{
    // Reference values: black on white is the maximum, 21:1; #767676 on white is the well-known AA threshold, 4.54:1.
    [TestCase("#000000", "#ffffff", 21.0)]
    [TestCase("#ffffff", "#ffffff", 1.0)]
    [TestCase("#767676", "#ffffff", 4.54)]
    [TestCase("#0969da", "#ffffff", 5.19)]
    public void ContrastRatio_KnownPairs_MatchWcag(string first, string second, double expected) =>
        Assert.That(ContrastRatio.Of(first, second), Is.EqualTo(expected).Within(0.01));

    [Test]
    public void Check_LightAccent_WarnsAtTheAccentLine()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("newsletter.json", "{\n  \"design\": {\n    \"accent\": \"#ffcc00\"\n  }\n}\n");
        var finding = DesignRule.Check(new DesignSettings { Accent = "#ffcc00" }, file).Single();
        Assert.That(finding.Severity, Is.EqualTo(CheckSeverity.Warning));
        Assert.That(finding.Rule, Is.EqualTo("accent-contrast"));
        Assert.That(finding.Position.Line, Is.EqualTo(3));
        Assert.That(finding.Message, Does.Contain("1.").And.Contain("4.5:1").And.Contain("'design.accent' #ffcc00"));
    }

    [TestCase("#0969da")]
    [TestCase("#767676")]
    [TestCase(null)]
    public void Check_ReadableOrUnsetAccent_FindsNothing(string? accent) =>
        Assert.That(DesignRule.Check(new DesignSettings { Accent = accent }, "newsletter.json"), Is.Empty);
}
