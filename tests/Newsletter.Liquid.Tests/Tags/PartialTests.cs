namespace Newsletter.Liquid.Tests.Tags;

public class PartialTests
{
    private static LiquidOptions WithPartials(params (string Name, string Text)[] partials) => new()
    {
        Loader = new DictionaryTemplateLoader(partials.Select(p => KeyValuePair.Create(p.Name, p.Text))),
    };

    [Test]
    public void Render_RenderTag_IsolatesScopeAndPassesArguments()
    {
        var options = WithPartials(("poll", "{{ question }}|{{ secret }}"));
        var template = LiquidTemplate.Parse("{% render 'poll', question: q %}", "t", options);

        var output = template.Render(new Dictionary<string, object?> { ["q"] = "Why?", ["secret"] = "x" });

        Assert.That(output, Is.EqualTo("Why?|"));
    }

    [Test]
    public void Render_RecursivePartial_ThrowsDepthLimitError()
    {
        var options = WithPartials(("loop", "{% render 'loop' %}"));
        var template = LiquidTemplate.Parse("{% render 'loop' %}", "t", options);

        var error = Assert.Throws<LiquidRenderException>(() => template.Render(null));

        Assert.That(error!.Reason, Does.StartWith("partials nested deeper than 25 levels"));
    }

    [Test]
    public void Render_MissingPartial_ThrowsNotFound()
    {
        var template = LiquidTemplate.Parse("{% include 'nope' %}", "t", WithPartials());

        var error = Assert.Throws<LiquidRenderException>(() => template.Render(null));

        Assert.That(error!.Reason, Is.EqualTo("partial 'nope' not found"));
    }
}
