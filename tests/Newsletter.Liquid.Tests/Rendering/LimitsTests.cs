using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Rendering;

public class LimitsTests
{
    [Test]
    public void Render_TooManyLoopIterations_ThrowsAtLoop()
    {
        var options = new LiquidOptions { Limits = new LiquidLimits { MaxLoopIterations = 100 } };

        var error = Assert.Throws<LiquidRenderException>(() => Render("x\n{% for i in (1..60) %}{% for j in (1..2) %}{% endfor %}{% endfor %}", null, options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo("loop iteration limit of 100 exceeded"));
            Assert.That(error.Line, Is.EqualTo(2));
        });
    }

    [Test]
    public void Render_OutputOverLimit_ThrowsOutputLimitError()
    {
        var options = new LiquidOptions { Limits = new LiquidLimits { MaxOutputBytes = 10 } };

        var error = Assert.Throws<LiquidRenderException>(() => Render("{% for i in (1..5) %}é{{ i }}{% endfor %}", null, options));

        Assert.That(error!.Reason, Is.EqualTo("output size limit of 10 bytes exceeded"));
    }

    [Test]
    public void Render_OutputAtLimit_Succeeds()
    {
        var options = new LiquidOptions { Limits = new LiquidLimits { MaxOutputBytes = 9 } };

        Assert.That(Render("{% for i in (1..3) %}é{{ i }}{% endfor %}", null, options), Is.EqualTo("é1é2é3"));
    }

    [Test]
    public void Render_AssignDoublingPastLimit_ThrowsAtFilterWithPosition()
    {
        var source = "{% assign s = 'ab' %}\n" + string.Concat(Enumerable.Repeat("{% assign s = s | append: s %}", 40));

        var error = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(source, "double.liquid").Render(null));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo("filter 'append': strings built by filters exceed the size limit of 10485760 bytes"));
            Assert.That(error.Message, Does.StartWith("double.liquid(2,"));
        });
    }

    [Test]
    public void Render_FilterResultsUnderLimit_Succeed()
    {
        var options = new LiquidOptions { Limits = new LiquidLimits { MaxOutputBytes = 20 } };

        Assert.That(Render("{% assign s = 'ab' | append: 'cd' | append: 'ef' %}{{ s | size }}", null, options), Is.EqualTo("6"));
    }

    [Test]
    public void Render_RecursivePartial_ThrowsDepthLimitError()
    {
        var options = new LiquidOptions
        {
            Loader = new DictionaryTemplateLoader([KeyValuePair.Create("loop", "{% render 'loop' %}")]),
            Limits = new LiquidLimits { MaxPartialDepth = 5 },
        };

        var error = Assert.Throws<LiquidRenderException>(() => Render("{% render 'loop' %}", null, options));

        Assert.That(error!.Reason, Is.EqualTo("partials nested deeper than 5 levels (recursive render or include?)"));
    }

    [Test]
    public void Parse_DeeplyNestedBlocks_ThrowsNestingError()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 150)) + string.Concat(Enumerable.Repeat("{% endif %}", 150));

        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse(source));

        Assert.That(error!.Reason, Is.EqualTo("tags or expressions nested deeper than 100 levels"));
    }

    [Test]
    public void Render_LongAndChain_EvaluatesWithoutDeepRecursion()
    {
        var source = "{% if " + string.Join(" and ", Enumerable.Repeat("true", 20000)) + " %}yes{% endif %}";

        Assert.That(Render(source), Is.EqualTo("yes"));
    }

    [Test]
    public void Render_SelfContainingList_StopsAtFixedDepth()
    {
        var list = new List<object?> { "x" };
        list.Add(list);

        Assert.That(Render("{{ a | size }}", Model(("a", list))), Is.EqualTo("2"));
        Assert.That(Render("{{ a }}", Model(("a", list))), Is.EqualTo(new string('x', 100)));
    }
}
