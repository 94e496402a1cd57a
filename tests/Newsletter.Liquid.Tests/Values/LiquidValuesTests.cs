using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Values;

public class LiquidValuesTests
{
    [TestCase("0", true)]
    [TestCase("''", true)]
    [TestCase("empty_list", true)]
    [TestCase("false", false)]
    [TestCase("nil", false)]
    [TestCase("missing", false)]
    public void Render_Truthiness_OnlyFalseAndNilAreFalsy(string expression, bool truthy)
    {
        var output = Render($"{{% if {expression} %}}t{{% else %}}f{{% endif %}}", Model(("empty_list", Array.Empty<int>())));

        Assert.That(output, Is.EqualTo(truthy ? "t" : "f"));
    }

    [TestCase("'' == empty", true)]
    [TestCase("'  ' == blank", true)]
    [TestCase("'  ' == empty", false)]
    [TestCase("nil == blank", true)]
    [TestCase("nil == empty", false)]
    [TestCase("list == empty", true)]
    [TestCase("blank == empty", false)]
    [TestCase("1 == 1.0", true)]
    [TestCase("'1' == 1", false)]
    [TestCase("list contains 2", false)]
    [TestCase("names contains 'b'", true)]
    [TestCase("'abc' contains 'bc'", true)]
    [TestCase("names contains false", false)]
    [TestCase("nil < 1", false)]
    [TestCase("'b' > 'a'", true)]
    public void Render_Comparison_FollowsShopifyRules(string condition, bool expected)
    {
        var model = Model(("list", new List<int>()), ("names", new[] { "a", "b" }));

        var output = Render($"{{% if {condition} %}}t{{% else %}}f{{% endif %}}", model);

        Assert.That(output, Is.EqualTo(expected ? "t" : "f"));
    }

    [Test]
    public void Render_StringComparedWithNumber_ThrowsComparisonError()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{% if '2' > 1 %}{% endif %}"));

        Assert.That(error!.Reason, Is.EqualTo("comparison of String with Integer failed"));
    }
}
