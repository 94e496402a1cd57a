using Newsletter.Rendering;

namespace Newsletter.Tests.Rendering;

public class HtmlToTextTests
{
    [Test]
    public void Convert_HeadingsListsAndLinks_ReadWellAsText()
    {
        var text = HtmlToText.Convert("""
            <h2>Resilience</h2>
            <ul><li>Read <a href="https://example.com/a">the principles</a></li><li>Second</li></ul>
            <ol><li>One</li><li>Two</li></ol>
            <blockquote><p>Quoted words</p></blockquote>
            <pre><code>let x = 1;</code></pre>
            """);
        Assert.That(text, Is.EqualTo("""
            Resilience
            ----------

            - Read the principles [1]
            - Second

            1. One
            2. Two

            > Quoted words

                let x = 1;

            Links:
            [1] https://example.com/a

            """.Replace("\r\n", "\n")));
    }

    [Test]
    public void Convert_ManyParagraphsAndRepeatedLinks_NumbersEachUrlOnceAndSeparatesBlocks()
    {
        var html = string.Concat(Enumerable.Range(0, 300).Select(i => $"<p>P{i} <a href=\"https://e.example/{i % 100}\">l</a></p>"));

        var text = HtmlToText.Convert(html);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("P0 l [1]\n\nP1 l [2]\n\n"));
            Assert.That(text, Does.Contain("\n\nP100 l [1]\n\nP101 l [2]\n\n"));
            Assert.That(text, Does.Contain("Links:\n[1] https://e.example/0\n"));
            Assert.That(text, Does.EndWith("[100] https://e.example/99\n"));
            Assert.That(text, Does.Not.Contain("\n\n\n"));
        });
    }

    [Test]
    public void Convert_LongParagraph_WrapsAt78Columns()
    {
        var words = string.Join(' ', Enumerable.Repeat("resilience", 40));
        var text = HtmlToText.Convert($"<p>{words}</p>");
        Assert.That(text.Split('\n').Max(l => l.Length), Is.LessThanOrEqualTo(78));
        Assert.That(text.Replace("\n", " ").Trim(), Is.EqualTo(words));
    }
}
