namespace Newsletter.Liquid.Tests.Filters;

public class FilterTests
{
    private static string Render(string source, object? model = null) => LiquidTemplate.Parse(source).Render(model);

    [TestCase("{{ '<a href=\"x\">' | escape }}", "&lt;a href=&quot;x&quot;&gt;")]
    [TestCase("{{ 'Hello world' | truncate: 8 }}", "Hello...")]
    [TestCase("{{ 'a b c d' | truncatewords: 2 }}", "a b...")]
    [TestCase("{{ 10 | divided_by: 4 }}", "2")]
    [TestCase("{{ 10.0 | divided_by: 4 }}", "2.5")]
    [TestCase("{{ 0.1 | plus: 0.2 }}", "0.3")]
    [TestCase("{{ 'a,b' | split: ',' | join: '-' }}", "a-b")]
    [TestCase("{{ 'hello world' | url_encode }}", "hello+world")]
    [TestCase("{{ nothing | default: 'x' }}", "x")]
    [TestCase("{{ 'March 14, 2016' | date: '%b %d, %Y' }}", "Mar 14, 2016")]
    public void Render_Filter_MatchesShopifyLiquid(string source, string expected)
    {
        Assert.That(Render(source), Is.EqualTo(expected));
    }

    [Test]
    public void Render_DividedByZero_ThrowsWithFilterPosition()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ 1 | divided_by: 0 }}"));

        Assert.That(error!.Message, Does.StartWith("template(1,8): filter 'divided_by': divided by 0"));
    }

    [Test]
    public void Parse_FilterWithTooManyArguments_ThrowsArityError()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{{ 'a' | append: 'b', 'c' }}"));

        Assert.That(error!.Reason, Is.EqualTo("filter 'append' expects 1 argument, got 2"));
    }
}
