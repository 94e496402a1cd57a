// Every shared fixture, written as an issue, rendered by the real command and read back by a strict MIME parser.
using System.Text.Json;
using Newsletter.Integration.Tests.Support;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Design;

public class FixtureMimeTests
{
    private static IEnumerable<string> Fixtures() =>
        Directory.EnumerateFiles(Path.Combine(CheckCommandTests.RepositoryRoot(), "tests", "Newsletter.Tests", "Fixtures"))
            .Select(Path.GetFileName).Order()!;

    [TestCaseSource(nameof(Fixtures))]
    public void Render_Fixture_ParsesBackAsMultipartAlternative(string name)
    {
        using var workspace = new TestWorkspace();
        var source = File.ReadAllText(Path.Combine(CheckCommandTests.RepositoryRoot(), "tests", "Newsletter.Tests", "Fixtures", name));
        var (markdown, title) = name.EndsWith(".txt", StringComparison.Ordinal) ? AsMarkdown(source) : (source, null);
        var slug = "2026-11-27-" + Path.GetFileNameWithoutExtension(name);
        var render = workspace.Run("render", workspace.Write($"issues/{slug}.md", markdown), "--out", "out");
        Assert.That(render.ExitCode, Is.EqualTo(0), render.Error);

        var parsed = StrictParser.ParseFile(workspace.PathOf($"out/{slug}.eml"));
        Assert.That(parsed.TryGetProperty("error", out var error) ? error.GetString() : null, Is.Null);
        var parts = Leaves(parsed.GetProperty("structure")).ToList();
        var text = parts.Single(p => p.GetProperty("content_type").GetString() == "text/plain").GetProperty("text").GetString()!;
        var html = parts.Single(p => p.GetProperty("content_type").GetString() == "text/html").GetProperty("text").GetString()!;
        Assert.That(html, Does.Contain("<table role=\"presentation\""));
        Assert.That(html, Does.Contain("/unsubscribe/"));
        Assert.That(text, Does.Contain("1. Loved it: http"), "the poll is a numbered list of links");
        Assert.That(text.Split('\n').Where(l => !l.Contains("://")).Max(l => l.TrimEnd('\r').Length), Is.LessThanOrEqualTo(78));
        if (title is not null) Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(title)));
    }

    // A text fixture becomes Markdown: its first line is the title, every other line a paragraph.
    private static (string Markdown, string Title) AsMarkdown(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var title = lines[0].TrimStart('-', ' ');
        return ($"---\ntitle: \"{title.Replace("\"", "\\\"")}\"\npreheader: A fixture\n---\n" + string.Join("\n\n", lines.Skip(1)) + "\n", title);
    }

    private static IEnumerable<JsonElement> Leaves(JsonElement part) =>
        part.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array
            ? children.EnumerateArray().SelectMany(Leaves)
            : [part];
}
