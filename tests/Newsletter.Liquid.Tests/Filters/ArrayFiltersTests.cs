using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Filters;

public class ArrayFiltersTests
{
    private static readonly Dictionary<string, object?> Data = Model(
        ("nums", new object?[] { 3, 1, 2 }),
        ("words", new[] { "b", "a", "C" }),
        ("people", new[]
        {
            Model(("name", "Ann"), ("age", 30), ("vip", true)),
            Model(("name", "bob"), ("age", 25), ("vip", false)),
            Model(("name", "Cy"), ("age", null), ("vip", true)),
        }),
        ("nested", new object?[] { 1, new object?[] { 2, new[] { 3 } } }));

    [TestCase("{{ nums | sort | join: ',' }}", "1,2,3")]
    [TestCase("{{ words | sort | join }}", "C a b")]
    [TestCase("{{ words | sort_natural | join }}", "a b C")]
    [TestCase("{{ people | sort: 'age' | map: 'name' | join }}", "bob Ann Cy")]
    [TestCase("{{ people | where: 'vip' | map: 'name' | join }}", "Ann Cy")]
    [TestCase("{{ people | where: 'age', 25 | map: 'name' | join }}", "bob")]
    [TestCase("{{ people | reject: 'vip' | map: 'name' | join }}", "bob")]
    [TestCase("{{ people | find: 'name', 'Cy' | map: 'vip' | join }}", "true")]
    [TestCase("{{ people | find_index: 'age', 25 }} {{ people | has: 'name', 'Zed' }}", "1 false")]
    [TestCase("{{ people | map: 'age' | compact | join }} {{ people | sum: 'age' }}", "30 25 55")]
    [TestCase("{{ nested | join: '-' }} {{ nested | first }} {{ nested | last | size }} {{ nested | reverse | size }}", "1-2-3 1 2 3")]
    [TestCase("{{ nums | concat: words | uniq | size }} {{ nums | slice: 1, 2 | join }}", "6 1 2")]
    [TestCase("{{ 'abc' | first }}.{{ (1..4) | last }} {{ nums | size }} {{ 'abc' | size }} {{ nil | size }}", ".4 3 3 0")]
    public void Render_ArrayFilter_MatchesShopifyLiquid(string source, string expected)
    {
        Assert.That(Render(source, Data), Is.EqualTo(expected));
    }

    [Test]
    public void Render_SortOfIncompatibleTypes_ThrowsFilterError()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ a | sort }}", Model(("a", new object?[] { 1, "a" }))));

        Assert.That(error!.Reason, Is.EqualTo("filter 'sort': cannot sort Integer with String"));
    }

    [Test]
    public void Render_ConcatWithNonArray_ThrowsFilterError()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ nums | concat: 5 }}", Data));

        Assert.That(error!.Reason, Is.EqualTo("filter 'concat': expected an array"));
    }

    [Test]
    public void Render_PropertyOfIntegerItem_ThrowsCannotSelect()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ nums | map: 'x' }}", Data));

        Assert.That(error!.Reason, Is.EqualTo("filter 'map': cannot select the property 'x'"));
    }
}
