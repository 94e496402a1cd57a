using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Parsing;

public class LexerTests
{
    [TestCase("a  {{- 'b' -}}  c", "abc")]
    [TestCase("a \n {%- if true -%} \n b \n {%- endif -%} \n c", "abc")]
    [TestCase("a {{ 'b' }} c", "a b c")]
    [TestCase("{%- raw -%} {{ x }} {%- endraw -%} !", " {{ x }} !")]
    [TestCase("{% raw %}{% if %}{% endraw %}", "{% if %}")]
    public void Render_WhitespaceControlAndRaw_MatchShopifyLiquid(string source, string expected)
    {
        Assert.That(Render(source), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_UnterminatedOutput_ThrowsAtOpeningBraces()
    {
        var error = Assert.Throws<LiquidParseException>(() => Render("ok\nHello {{ name"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo("output opened with '{{' is not closed with '}}'"));
            Assert.That((error.Line, error.Column), Is.EqualTo((2, 7)));
        });
    }

    [TestCase("{{ 'a}' }}")]
    [TestCase("{{ x }")]
    [TestCase("{{ x {% if true %}{% endif %}")]
    public void Parse_OutputClosedBySingleBraceOrTag_IsUnterminated(string source)
    {
        var error = Assert.Throws<LiquidParseException>(() => Render(source));

        Assert.That(error!.Reason, Is.EqualTo("output opened with '{{' is not closed with '}}'"));
    }

    [Test]
    public void Parse_UnterminatedTag_ThrowsAtOpeningBrace()
    {
        var error = Assert.Throws<LiquidParseException>(() => Render("{% if x"));

        Assert.That(error!.Message, Does.StartWith("test.liquid(1,1): tag opened with '{%' is not closed with '%}'"));
    }

    [Test]
    public void Parse_BlankBlock_DropsLayoutWhitespace()
    {
        Assert.That(Render("[{% if true %}\n  {% assign x = 1 %}\n{% endif %}]"), Is.EqualTo("[]"));
    }

    [Test]
    public void Parse_BlockWithOutput_KeepsWhitespace()
    {
        Assert.That(Render("[{% if true %} {{ 1 }} {% endif %}]"), Is.EqualTo("[ 1 ]"));
    }
}
