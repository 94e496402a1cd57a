using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Parsing;

public class ExpressionParserTests
{
    private static readonly LiquidOptions Strict = new() { ErrorMode = LiquidErrorMode.Strict };

    [Test]
    public void Parse_TrailingTokensInStrictMode_ThrowsWithColumnOfToken()
    {
        var error = Assert.Throws<LiquidParseException>(() => Render("{{ a b }}", null, Strict));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo("unexpected 'b', expected end of expression"));
            Assert.That(error.Column, Is.EqualTo(6));
        });
    }

    [Test]
    public void Render_TrailingTokensInLaxMode_AreIgnored()
    {
        Assert.That(Render("{{ a b }}", Model(("a", 1))), Is.EqualTo("1"));
    }

    [Test]
    public void Parse_UnknownOperator_ThrowsInEveryMode()
    {
        var error = Assert.Throws<LiquidParseException>(() => Render("{% if a startswith b %}{% endif %}"));

        Assert.That(error!.Reason, Is.EqualTo("unknown operator 'startswith'"));
    }

    [Test]
    public void Parse_UnclosedString_ThrowsInStrictMode()
    {
        var error = Assert.Throws<LiquidParseException>(() => Render("{{ 'abc }}", null, Strict));

        Assert.That(error!.Reason, Is.EqualTo("string literal is not closed"));
    }

    [TestCase("{% if true or false and false %}y{% else %}n{% endif %}", "y")]
    [TestCase("{% if false and true or true %}y{% else %}n{% endif %}", "n")]
    public void Render_AndOr_GroupRightToLeft(string source, string expected)
    {
        Assert.That(Render(source), Is.EqualTo(expected));
    }

    [Test]
    public void Render_PathsWithBracketsAndVariables_ResolveNestedValues()
    {
        var model = Model(
            ("rows", new[] { Model(("name", "first")), Model(("name", "second")) }),
            ("key", "name"),
            ("i", 1));

        Assert.That(Render("{{ rows[i][key] }} {{ rows.first.name }} {{ rows[-1]['name'] }}", model), Is.EqualTo("second first second"));
    }

    [Test]
    public void Render_RangeWithVariableBounds_IteratesInclusive()
    {
        Assert.That(Render("{% for i in (a..b) %}{{ i }}{% endfor %} {{ (1..3) }}", Model(("a", 2), ("b", "4"))), Is.EqualTo("234 1..3"));
    }
}
