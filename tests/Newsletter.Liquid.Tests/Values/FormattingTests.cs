using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Values;

public class FormattingTests
{
    [TestCase(1.0, "1.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(1e15, "1000000000000000.0")]
    [TestCase(1e16, "1.0e+16")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1.0e-05")]
    [TestCase(1.5e-7, "1.5e-07")]
    [TestCase(123456789.125, "123456789.125")]
    [TestCase(1e100, "1.0e+100")]
    [TestCase(0.30000000000000004, "0.30000000000000004")]
    public void Render_Double_UsesRubyFloatFormat(double value, string expected)
    {
        Assert.That(Render("{{ x }}", Model(("x", value))), Is.EqualTo(expected));
    }

    [Test]
    public void Render_Array_PrintsElementsBackToBack()
    {
        Assert.That(Render("{{ a }}", Model(("a", new object?[] { 1, "b", null, new[] { 2, 3 } }))), Is.EqualTo("1b23"));
    }

    [Test]
    public void Render_HashAndArrayThroughStringFilter_UseRubyInspectForm()
    {
        var model = Model(("h", Model(("a", 1), ("b", null))), ("a", new[] { "x", "y" }));

        Assert.That(Render("{{ h }} {{ a | append: '' }}", model), Is.EqualTo("{\"a\"=>1, \"b\"=>nil} [\"x\", \"y\"]"));
    }

    [Test]
    public void Render_NumericTypes_KeepIntegerAndDecimalForms()
    {
        var model = Model(("i", 7), ("l", 8L), ("m", 9.50m), ("f", 0.1f), ("b", (byte)3));

        Assert.That(Render("{{ i }} {{ l }} {{ m }} {{ f }} {{ b }}", model), Is.EqualTo("7 8 9.50 0.1 3"));
    }

    [Test]
    public void Render_DateTimeOffset_PrintsRubyTimeFormat()
    {
        var model = Model(("d", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2))));

        Assert.That(Render("{{ d }}", model), Is.EqualTo("2024-05-06 07:08:09 +0200"));
    }
}
