namespace Newsletter.Liquid.Tests.Rendering;

public class ConcurrencyTests
{
    [Test]
    public void Render_SameTemplateOnManyThreads_GivesEachModelItsOwnOutput()
    {
        var template = LiquidTemplate.Parse("{% assign t = n | times: 2 %}{% for i in (1..3) %}{{ t }}{% cycle 'a', 'b' %}{% endfor %}");

        var outputs = new string[200];
        Parallel.For(0, outputs.Length, i => outputs[i] = template.Render(new Dictionary<string, object?> { ["n"] = i }));

        for (var i = 0; i < outputs.Length; i++)
        {
            Assert.That(outputs[i], Is.EqualTo($"{i * 2}a{i * 2}b{i * 2}a"));
        }
    }
}
