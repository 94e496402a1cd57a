// What CssSupport relies on to share one PreMailer CssParser for every style block it reads.
using PreMailer.Net;

namespace Newsletter.Tests.Checks;

public class CssParserContractTests
{
    [Test]
    public void ParseStyleClass_SameParserTwice_KeepsNothingBetweenCalls()
    {
        var parser = new CssParser();

        var first = parser.ParseStyleClass("", "position: fixed; color: red");
        var second = parser.ParseStyleClass("", "margin: 0");

        Assert.Multiple(() =>
        {
            Assert.That(first.Attributes.Select(a => a.Style), Is.EquivalentTo(new[] { "position", "color" }));
            Assert.That(second.Attributes.Select(a => a.Style), Is.EquivalentTo(new[] { "margin" }));
            Assert.That(parser.Styles, Is.Empty, "nothing is collected in the parser");
        });
    }

    [Test]
    public void ParseStyleClass_SharedParserOnManyThreads_ReadsEachBlockAlone()
    {
        var parser = new CssParser();

        var results = Enumerable.Range(0, 2_000).AsParallel()
            .Select(i => (i, Styles: parser.ParseStyleClass("", $"width: {i}px; z-index: {i}").Attributes.Select(a => a.Value).ToList()))
            .ToList();

        Assert.That(results.Where(r => !r.Styles.SequenceEqual(new[] { $"{r.i}px", $"{r.i}" })), Is.Empty);
    }
}
