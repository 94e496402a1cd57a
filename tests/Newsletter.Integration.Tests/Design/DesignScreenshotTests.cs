// The default design in a real browser engine: phone and desktop widths, light and dark, screenshots kept.
using Newsletter.Integration.Tests.Support;

namespace Newsletter.Integration.Tests.Design;

public class DesignScreenshotTests
{
    private static string _html = "";
    private static TestWorkspace? _workspace;

    [OneTimeSetUp]
    public void RenderSampleIssue()
    {
        _workspace = new TestWorkspace();
        var issue = _workspace.Write("issues/2026-11-27-design.md", DesignIssue.Text);
        var render = _workspace.Run("render", issue, "--out", "out");
        Assert.That(render.ExitCode, Is.EqualTo(0), render.Error);
        _html = _workspace.PathOf("out/2026-11-27-design.html");
    }

    [OneTimeTearDown]
    public void RemoveWorkspace() => _workspace?.Dispose();

    [TestCase(375, false)]
    [TestCase(375, true)]
    [TestCase(600, false)]
    [TestCase(600, true)]
    public void DefaultDesign_InChromium_FitsTheWidthAndShowsEveryPollOption(int width, bool dark)
    {
        var name = $"default-{width}-{(dark ? "dark" : "light")}";
        var png = Path.Combine(ScreenshotFolder(), name + ".png");
        Chromium.Screenshot(_html, width, dark, png);
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(10_000), "a screenshot was written");
        TestContext.AddTestAttachment(png, name);

        var probe = Chromium.Measure(_html, width, dark);
        Assert.That(probe.GetProperty("width").GetInt32(), Is.EqualTo(width), "the viewport has the width under test");
        Assert.That(probe.GetProperty("scrollWidth").GetInt32(), Is.LessThanOrEqualTo(width), "no horizontal overflow");
        Assert.That(probe.GetProperty("options").GetInt32(), Is.EqualTo(5));
        Assert.That(probe.GetProperty("visibleOptions").GetInt32(), Is.EqualTo(5), "every poll option is visible, at least 44 px tall and inside the viewport");
        Assert.That(probe.GetProperty("optionRows").GetInt32(), Is.EqualTo(1), "the five options are one row of buttons, even on a phone");
        Assert.That(probe.GetProperty("dark").GetBoolean(), Is.EqualTo(dark));
        Assert.That(probe.GetProperty("containerBackground").GetString(), Is.EqualTo(dark ? "rgb(22, 27, 34)" : "rgb(255, 255, 255)"));
    }

    [TestCase(375, false)]
    [TestCase(375, true)]
    [TestCase(600, false)]
    [TestCase(600, true)]
    public void ArchivePage_InChromium_FitsTheWidthWithItsSignupForm(int width, bool dark)
    {
        // The web page of the same issue, as `serve` renders it: no poll, a sign-up form instead.
        var workspace = Workspace.Open(_workspace!.PathOf("newsletter.json"));
        var issue = workspace.LoadIssue(_workspace.PathOf($"issues/{DesignIssue.Slug}.md"));
        var page = _workspace.Write("out/archive-page.html", workspace.Prepare(issue, 0).RenderForArchive());
        var name = $"archive-{width}-{(dark ? "dark" : "light")}";
        var png = Path.Combine(ScreenshotFolder(), name + ".png");
        Chromium.Screenshot(page, width, dark, png);
        TestContext.AddTestAttachment(png, name);

        var probe = Chromium.Measure(page, width, dark);
        Assert.That(probe.GetProperty("scrollWidth").GetInt32(), Is.LessThanOrEqualTo(width), "no horizontal overflow");
        Assert.That(probe.GetProperty("options").GetInt32(), Is.EqualTo(0), "no poll on the web page");
        Assert.That(probe.GetProperty("dark").GetBoolean(), Is.EqualTo(dark));
    }

    // Kept after the run (under the test output folder) so a person can look at them.
    private static string ScreenshotFolder() =>
        Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.TestDirectory, "screenshots")).FullName;
}
