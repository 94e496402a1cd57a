using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Filters;

public class StringFiltersTests
{
    [TestCase("{{ 'Hello world' | truncate: 8 }}", "Hello...")]
    [TestCase("{{ 'Hello world' | truncate: 8, '' }}", "Hello wo")]
    [TestCase("{{ 'Hello' | truncate: 2 }}", "...")]
    [TestCase("{{ 'a b c d' | truncatewords: 2 }}", "a b...")]
    [TestCase("{{ 'a b' | truncatewords: 0 }}", "a...")]
    [TestCase("{{ 'a,b,,c,,' | split: ',' | join: '|' }}", "a|b||c")]
    [TestCase("{{ '  a  b ' | split: ' ' | join: '|' }}", "a|b")]
    [TestCase("{{ 'abc' | split: '' | join: '|' }}", "a|b|c")]
    [TestCase("{{ 'aXbXc' | replace: 'X', '-' }} {{ 'aXbXc' | replace_first: 'X', '-' }} {{ 'aXbXc' | replace_last: 'X', '-' }}", "a-b-c a-bXc aXb-c")]
    [TestCase("{{ 'abc' | replace: '', '-' }}", "-a-b-c-")]
    [TestCase("{{ 'aXbX' | remove: 'X' }} {{ 'aXbX' | remove_first: 'X' }} {{ 'aXbX' | remove_last: 'X' }}", "ab abX aXb")]
    [TestCase("{{ 'hello' | slice: 1, 3 }} {{ 'hello' | slice: -2 }} {{ 'hello' | slice: 9 }}.", "ell l .")]
    [TestCase("{{ 'hELLO wORLD' | capitalize }} {{ 'é' | upcase }} {{ 'ÀB' | downcase }}", "Hello world É àb")]
    [TestCase("{{ ' \t x \n' | strip }}|{{ ' x ' | lstrip }}|{{ ' x ' | rstrip }}|", "x|x | x|")]
    [TestCase("{{ 'a\r\nb\nc' | strip_newlines }}", "abc")]
    [TestCase("{{ 5 | append: 1.5 }} {{ nil | prepend: 'x' }}", "51.5 x")]
    public void Render_StringFilter_MatchesShopifyLiquid(string source, string expected)
    {
        Assert.That(Render(source), Is.EqualTo(expected));
    }

    [Test]
    public void Render_SliceWithFloatOffset_ThrowsInvalidInteger()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ 'abc' | slice: 1.5 }}"));

        Assert.That(error!.Reason, Is.EqualTo("filter 'slice': invalid integer"));
    }

    [Test]
    public void Parse_FilterWithTooManyArguments_ThrowsArityError()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{{ 'a' | append: 'b', 'c' }}"));

        Assert.That(error!.Reason, Is.EqualTo("filter 'append' expects 1 argument, got 2"));
    }

    [Test]
    public void Parse_FilterWithMissingArgument_ThrowsArityError()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{{ 'a' | replace_last: 'b' }}"));

        Assert.That(error!.Reason, Is.EqualTo("filter 'replace_last' expects 2 arguments, got 1"));
    }
}
