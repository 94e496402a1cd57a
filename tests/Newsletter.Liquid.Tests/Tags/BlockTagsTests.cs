using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Tags;

public class BlockTagsTests
{
    [TestCase("{% if x > 2 %}big{% elsif x > 1 %}mid{% else %}small{% endif %}", "mid")]
    [TestCase("{% unless x == 2 %}not two{% else %}two{% endunless %}", "two")]
    [TestCase("{% case x %}{% when 1 %}one{% when 2, 3 %}two or three{% else %}other{% endcase %}", "two or three")]
    [TestCase("{% case x %}{% when 5 or 6 %}no{% else %}else{% endcase %}", "else")]
    [TestCase("{% capture y %}[{{ x }}]{% endcapture %}{{ y }}{{ y }}", "[2][2]")]
    [TestCase("{% assign y = x | plus: 1 %}{{ y }}", "3")]
    [TestCase("{% increment c %}{% increment c %}{% decrement c %}{{ c }}", "0111")]
    [TestCase("{% for i in (1..4) %}{% cycle 'a', 'b', 'c' %}{% endfor %}", "abca")]
    [TestCase("{% for i in (1..4) %}{% ifchanged %}{{ i | divided_by: 2 }}{% endifchanged %}{% endfor %}", "012")]
    [TestCase("a{% comment %}{% if %}{% endcomment %}b{% # note %}c{% doc %}{{ x{% enddoc %}d", "abcd")]
    [TestCase("{% liquid\n  assign y = x | times: 10\n  if y > 10\n    echo y\n  endif\n%}", "20")]
    [TestCase("{% echo x | append: '!' %}", "2!")]
    public void Render_Tag_MatchesShopifyLiquid(string source, string expected)
    {
        Assert.That(Render(source, Model(("x", 2))), Is.EqualTo(expected));
    }

    [Test]
    public void Render_Tablerow_WrapsCellsIntoRows()
    {
        var output = Render("{% tablerow i in (1..3) cols: 2 %}{{ i }}{% endtablerow %}");

        Assert.That(output, Is.EqualTo("<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n<tr class=\"row2\"><td class=\"col1\">3</td></tr>\n"));
    }

    [Test]
    public void Parse_UnknownTag_ThrowsWithTagPosition()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("ok\n  {% frobnicate %}", "t"));

        Assert.That(error!.Message, Does.StartWith("t(2,3): unknown tag 'frobnicate'"));
    }

    [Test]
    public void Parse_StrayEndTag_ThrowsUnexpectedTag()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{% if true %}{% endfor %}"));

        Assert.That(error!.Reason, Is.EqualTo("unexpected tag 'endfor'"));
    }

    [Test]
    public void Parse_NestedDoc_Throws()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{% doc %}{% doc %}{% enddoc %}"));

        Assert.That(error!.Reason, Is.EqualTo("'doc' tags cannot be nested"));
    }

    [Test]
    public void Parse_InlineCommentLineWithoutHash_Throws()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{% # one\n two %}"));

        Assert.That(error!.Reason, Is.EqualTo("every line of an inline comment must start with '#'"));
    }

    [Test]
    public void Parse_LiquidTagCannotCloseOuterBlock()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{% if true %}{% liquid endif %}"));

        Assert.That(error!.Reason, Is.EqualTo("unexpected tag 'endif'"));
    }

    [Test]
    public void Parse_WhenWithJunkInStrictMode_Throws()
    {
        var options = new LiquidOptions { ErrorMode = LiquidErrorMode.Strict };

        Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{% case x %}{% when 1 and 2 %}{% endcase %}", "t", options));
    }
}
