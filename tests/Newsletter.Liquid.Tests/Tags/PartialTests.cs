using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Tags;

public class PartialTests
{
    [Test]
    public void Render_RenderTag_IsolatesScopeAndPassesArguments()
    {
        var options = WithPartials(("poll", "{{ question }}|{{ secret }}{% assign leaked = 1 %}"));

        var output = Render("{% render 'poll', question: q %}|{{ leaked }}", Model(("q", "Why?"), ("secret", "x")), options);

        Assert.That(output, Is.EqualTo("Why?||"));
    }

    [Test]
    public void Render_RenderWithForAndAlias_RendersOncePerItemWithForloop()
    {
        var options = WithPartials(("option", "{{ forloop.index }}:{{ o }} "));

        Assert.That(Render("{% render 'option' for items as o %}", Model(("items", new[] { "a", "b" })), options), Is.EqualTo("1:a 2:b "));
    }

    [Test]
    public void Render_Include_SharesScopeAndBindsWithValue()
    {
        var options = WithPartials(("card", "{{ card.title }}{% assign seen = true %}"));

        var output = Render("{% include 'card' with post %}-{{ seen }}", Model(("post", Model(("title", "T")))), options);

        Assert.That(output, Is.EqualTo("T-true"));
    }

    [Test]
    public void Render_IncludeInsideRenderedPartial_Throws()
    {
        var options = WithPartials(("outer", "{% include 'inner' %}"), ("inner", "x"));

        var error = Assert.Throws<LiquidRenderException>(() => Render("{% render 'outer' %}", null, options));

        Assert.That(error!.Reason, Is.EqualTo("'include' is not allowed inside a partial loaded by 'render'"));
    }

    [Test]
    public void Render_ErrorInPartial_ReportsPartialNameAndLine()
    {
        var options = new LiquidOptions
        {
            Loader = new DictionaryTemplateLoader([KeyValuePair.Create("poll", "line1\n{{ 1 | divided_by: 0 }}")]),
        };

        var error = Assert.Throws<LiquidRenderException>(() => Render("{% render 'poll' %}", null, options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.TemplateName, Is.EqualTo("poll"));
            Assert.That(error.Line, Is.EqualTo(2));
            Assert.That(error.SourceLine, Is.EqualTo("{{ 1 | divided_by: 0 }}"));
        });
    }

    [Test]
    public void Parse_RenderWithVariableName_Throws()
    {
        var error = Assert.Throws<LiquidParseException>(() => LiquidTemplate.Parse("{% render name %}"));

        Assert.That(error!.Reason, Is.EqualTo("the template name of 'render' must be a quoted string"));
    }

    [Test]
    public void Render_MissingPartial_ThrowsNotFound()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{% include 'nope' %}", null, WithPartials()));

        Assert.That(error!.Reason, Is.EqualTo("partial 'nope' not found"));
    }

    [Test]
    public void Render_PartialUsedManyTimes_IsLoadedAndParsedOnce()
    {
        var loader = new CountingLoader("{{ n }}");
        var options = new LiquidOptions { Loader = loader };
        var template = LiquidTemplate.Parse("{% for i in (1..3) %}{% render 'p', n: i %}{% endfor %}", "t", options);

        Parallel.For(0, 20, _ => Assert.That(template.Render(null), Is.EqualTo("123")));

        Assert.That(loader.Calls, Is.EqualTo(1), "twenty renders at once load the partial once");
    }

    private sealed class CountingLoader(string text) : ITemplateLoader
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public TemplateSource? Load(string name)
        {
            Interlocked.Increment(ref calls);
            return new TemplateSource(name, text);
        }
    }
}
