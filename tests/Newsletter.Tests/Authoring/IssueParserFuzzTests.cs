// Mutated issue files (front matter in YAML, TOML and Pelican form, and bodies) never crash or hang the parser.
using Newsletter.Authoring;
using Newsletter.Tests.Rendering;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Authoring;

public class IssueParserFuzzTests
{
    private static readonly string[] Dictionary =
    [
        "---\n", "+++\n", "title: ", "subject: ", "send_at: ", "poll:\n  options:\n    - { label: x, value: 1 }\n", "segment: ",
        ": ", "\"", "'", "[", "]", "{", "}", "- ", "  ", "\n", "\r\n", "\t", "#", "> ", "<div>", "</div>", "*", "`", "```\n",
        "&", "\0", "\uFEFF", "\uD800", "é", "{{ subscriber.name }}", "{% if x %}", "!!! info \"T\"\n", "::: note\n", ":::\n",
        "Title: x\n", "date = 2026-11-20\n", "key = \"", "[poll]\n", "*a ", "[x](", ")",
    ];

    [Test]
    public void Parse_MutatedIssues_ThrowOnlyIssueFormatException()
    {
        var fuzzer = new Fuzzer(20261201, Dictionary);

        var cases = fuzzer.RunAll(Seeds(), text => IssueParser.Parse("issues/2026-12-01-fuzz.md", text), e => e is IssueFormatException);

        Assert.That(cases, Is.GreaterThan(Seeds().Length));
    }

    private static string[] Seeds()
    {
        var root = Path.GetDirectoryName(IssueRendererGoldenTests.RepositoryTemplatesPath())!;
        var here = TestContext.CurrentContext.TestDirectory;
        return Directory.EnumerateFiles(Path.Combine(here, "Rendering", "Golden"), "*.md")
            .Concat(Directory.EnumerateFiles(Path.Combine(here, "Fixtures")))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "issues"), "*.md"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    }
}
