using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Tags;

public class ForTagTests
{
    private static readonly Dictionary<string, object?> Data = Model(("items", new[] { "a", "b", "c", "d" }));

    [TestCase("{% for x in items %}{{ forloop.index }}{{ x }}{% if forloop.last %}!{% endif %}{% endfor %}", "1a2b3c4d!")]
    [TestCase("{% for x in items limit: 2 offset: 1 %}{{ x }}{% endfor %}", "bc")]
    [TestCase("{% for x in items limit: 2 %}{{ x }}{% endfor %}{% for x in items offset: continue %}{{ x }}{% endfor %}", "abcd")]
    [TestCase("{% for x in items reversed limit: 3 %}{{ x }}{% endfor %}", "cba")]
    [TestCase("{% for x in items %}{% if x == 'b' %}{% continue %}{% endif %}{% if x == 'd' %}{% break %}{% endif %}{{ x }}{% endfor %}", "ac")]
    [TestCase("{% for x in missing %}{{ x }}{% else %}none{% endfor %}", "none")]
    [TestCase("{% for i in (1..2) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}{{ j }} {% endfor %}{% endfor %}", "11 12 21 22 ")]
    [TestCase("{% for x in items %}{{ forloop.rindex }}{{ forloop.length }}{% endfor %}", "44342414")]
    [TestCase("{% for c in 'abc' %}[{{ c }}]{% endfor %}", "[abc]")]
    public void Render_ForLoop_MatchesShopifyLiquid(string source, string expected)
    {
        Assert.That(Render(source, Data), Is.EqualTo(expected));
    }

    [Test]
    public void Render_HashLoop_YieldsKeyValuePairs()
    {
        var model = Model(("h", Model(("a", 1), ("b", 2))));

        Assert.That(Render("{% for p in h %}{{ p[0] }}={{ p[1] }};{% endfor %}", model), Is.EqualTo("a=1;b=2;"));
    }

    [Test]
    public void Render_NonIntegerLimit_ThrowsAtLimitExpression()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{% for x in items limit: 'many' %}{% endfor %}", Data));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo("'limit' must be an integer"));
            Assert.That(error.Column, Is.EqualTo(26));
        });
    }

    [Test]
    public void Parse_ForWithoutIn_ThrowsSyntaxError()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{% for x items %}{% endfor %}"));

        Assert.That(error!.Reason, Is.EqualTo("unexpected 'items', expected 'in'"));
    }
}
