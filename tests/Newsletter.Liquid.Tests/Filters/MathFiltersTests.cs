using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Filters;

public class MathFiltersTests
{
    [TestCase("{{ 10 | divided_by: 4 }} {{ -7 | divided_by: 2 }} {{ 10.0 | divided_by: 4 }} {{ 10 | divided_by: 4.0 }}", "2 -4 2.5 2.5")]
    [TestCase("{{ -7 | modulo: 3 }} {{ 7 | modulo: -3 }} {{ 7.5 | modulo: 2 }}", "2 -2 1.5")]
    [TestCase("{{ 0.1 | plus: 0.2 }} {{ 3 | times: 0.1 }} {{ 1 | divided_by: 3.0 | times: 3 }}", "0.3 0.3 0.9999999999999999")]
    [TestCase("{{ '3' | plus: 4 }} {{ '3.5' | plus: 1 }} {{ 'abc' | plus: 1 }} {{ nil | minus: 1 }}", "7 4.5 1 -1")]
    [TestCase("{{ 2.5 | round }} {{ -2.5 | round }} {{ 1.2345 | round: 2 }} {{ 1234 | round: -2 }} {{ 5 | round: 2 }}", "3 -3 1.23 1200 5")]
    [TestCase("{{ 1.2 | ceil }} {{ -1.2 | ceil }} {{ 1.8 | floor }} {{ '-1.8' | floor }} {{ -3 | abs }} {{ '-2.5' | abs }}", "2 -1 1 -2 3 2.5")]
    [TestCase("{{ 4 | at_most: 3.5 }} {{ 4 | at_least: 5 }} {{ 4 | at_least: 4.0 }}", "3.5 5 4")]
    [TestCase("{{ 9223372036854775807 | plus: 1 }}", "9.223372036854776e+18")]
    public void Render_MathFilter_FollowsRubyNumericRules(string source, string expected)
    {
        Assert.That(Render(source), Is.EqualTo(expected));
    }

    [Test]
    public void Render_DividedByZero_ThrowsWithFilterPosition()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ 1 | divided_by: 0 }}"));

        Assert.That(error!.Message, Does.StartWith("test.liquid(1,8): filter 'divided_by': divided by 0"));
    }
}
