using System.Text.Json;

namespace Newsletter.Liquid.Tests;

public class LiquidTemplateTests
{
    [Test]
    public void Render_OutputWithFilters_AppliesFiltersInOrder()
    {
        var template = LiquidTemplate.Parse("Hello {{ name | upcase | append: '!' }}");

        Assert.That(template.Render(new Dictionary<string, object?> { ["name"] = "ada" }), Is.EqualTo("Hello ADA!"));
    }

    [Test]
    public void Render_RecordModel_ReadsPropertiesBySnakeCaseName()
    {
        var template = LiquidTemplate.Parse("{{ first_name }} {{ FirstName }} {{ address.city }}");

        var output = template.Render(new Subscriber("Ada", new Address("London")));

        Assert.That(output, Is.EqualTo("Ada Ada London"));
    }

    [Test]
    public void Render_JsonElementModel_ReadsObjectsArraysAndNumbers()
    {
        using var json = JsonDocument.Parse("""{"items":[{"n":1},{"n":2.5}],"ok":true}""");
        var template = LiquidTemplate.Parse("{% for i in items %}{{ i.n }};{% endfor %}{{ ok }}");

        Assert.That(template.Render(json.RootElement), Is.EqualTo("1;2.5;true"));
    }

    [Test]
    public void Render_ToTextWriter_WritesSameOutputAsString()
    {
        var template = LiquidTemplate.Parse("{% for i in (1..3) %}{{ i }}{% endfor %}");
        using var writer = new StringWriter();

        template.Render(output: writer, model: null);

        Assert.That(writer.ToString(), Is.EqualTo("123"));
    }

    [Test]
    public void Parse_UnclosedIf_ThrowsWithNameLineAndColumn()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("line one\n  {% if x %}", "templates/email.liquid"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.TemplateName, Is.EqualTo("templates/email.liquid"));
            Assert.That(error.Line, Is.EqualTo(2));
            Assert.That(error.Column, Is.EqualTo(3));
            Assert.That(error.SourceLine, Is.EqualTo("  {% if x %}"));
            Assert.That(error.Reason, Is.EqualTo("tag 'if' is not closed with 'endif'"));
            Assert.That(error.Message, Is.EqualTo("templates/email.liquid(2,3): tag 'if' is not closed with 'endif'\n    {% if x %}\n    ^"));
        });
    }

    [Test]
    public void Parse_UnknownFilterWithStrictFilters_ThrowsWithPosition()
    {
        var options = new LiquidOptions { StrictFilters = true };

        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("a\n{{ x | upcse }}", "t", options));

        Assert.That(error!.Message, Does.StartWith("t(2,8): unknown filter 'upcse'"));
    }

    [Test]
    public void Render_UnknownFilterInLaxMode_PassesInputThrough()
    {
        Assert.That(LiquidTemplate.Parse("{{ 'a' | upcse }}").Render(null), Is.EqualTo("a"));
    }

    [Test]
    public void Render_UndefinedVariableWithStrictVariables_ThrowsWithPosition()
    {
        var template = LiquidTemplate.Parse("{{ missing }}", "t", new LiquidOptions { StrictVariables = true });

        var error = Assert.Throws<LiquidRenderException>(() => template.Render(null));

        Assert.That(error!.Message, Does.StartWith("t(1,4): undefined variable 'missing'"));
    }

    [Test]
    public void TryParse_InvalidSource_ReturnsFalseWithError()
    {
        var ok = LiquidTemplate.TryParse("{% for %}", "t", null, out var template, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(template, Is.Null);
            Assert.That(error, Is.InstanceOf<LiquidParseException>());
        });
    }

    private sealed record Subscriber(string FirstName, Address Address);

    private sealed record Address(string City);
}
