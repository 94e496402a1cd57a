using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Rendering;

public class EscapeOutputTests
{
    private static readonly LiquidOptions Html = new() { EscapeOutput = true };

    [Test]
    public void Render_EscapeOutputOn_EscapesStringOutput()
    {
        Assert.That(Render("{{ n }}|{% echo n %}", Model(("n", "<b>&'\"")), Html), Is.EqualTo("&lt;b&gt;&amp;&#39;&quot;|&lt;b&gt;&amp;&#39;&quot;"));
    }

    [Test]
    public void Render_EscapeOutputOnWithRaw_WritesAsIs()
    {
        Assert.That(Render("{{ n | upcase | raw }}", Model(("n", "<b>")), Html), Is.EqualTo("<B>"));
    }

    [Test]
    public void Render_EscapeOutputOnWithEscapeFilter_EscapesOnce()
    {
        Assert.That(Render("{{ n | escape }}{{ n | escape_once }}", Model(("n", "a&b")), Html), Is.EqualTo("a&amp;ba&amp;b"));
    }

    [Test]
    public void Render_EscapeOutputOnInPartial_EscapesThere()
    {
        var options = new LiquidOptions
        {
            EscapeOutput = true,
            Loader = new DictionaryTemplateLoader([KeyValuePair.Create("p", "{{ v }}")]),
        };

        Assert.That(Render("{% render 'p', v: n %}", Model(("n", "<i>")), options), Is.EqualTo("&lt;i&gt;"));
    }

    [Test]
    public void Render_EscapeOutputOff_WritesAsIs()
    {
        Assert.That(Render("{{ n }}{{ n | raw }}", Model(("n", "<b>"))), Is.EqualTo("<b><b>"));
    }
}
