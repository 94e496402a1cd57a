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
    public void Convert_LongParagraph_WrapsAt78Columns()
    {
        var words = string.Join(' ', Enumerable.Repeat("resilience", 40));
        var text = HtmlToText.Convert($"<p>{words}</p>");
        Assert.That(text.Split('\n').Max(l => l.Length), Is.LessThanOrEqualTo(78));
        Assert.That(text.Replace("\n", " ").Trim(), Is.EqualTo(words));
    }
}
