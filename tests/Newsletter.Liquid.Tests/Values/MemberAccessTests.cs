using System.Collections;
using System.Text.Json;
using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Values;

public class MemberAccessTests
{
    [Test]
    public void Render_Poco_ReadsPropertiesByExactSnakeAndCamelCaseNames()
    {
        var model = new Campaign("Spring", new Sender("Ada Lovelace"), ["news", "tips"]);

        var output = Render("{{ Title }}|{{ title }}|{{ sender.full_name }}|{{ sender.FullName }}|{{ tags.size }}|{{ tags.last }}", model);

        Assert.That(output, Is.EqualTo("Spring|Spring|Ada Lovelace|Ada Lovelace|2|tips"));
    }

    [Test]
    public void Render_ReadOnlyAndLegacyDictionaries_AreReadInPlace()
    {
        IReadOnlyDictionary<string, object?> readOnly = new ReadOnlyDictionaryWrapper(new() { ["a"] = "ro" });
        var legacy = new Hashtable { ["b"] = "legacy" };

        Assert.That(Render("{{ x.a }} {{ y.b }} {{ y.size }}", Model(("x", readOnly), ("y", legacy))), Is.EqualTo("ro legacy 1"));
    }

    [Test]
    public void Render_JsonElement_DistinguishesIntegersAndFloats()
    {
        using var json = JsonDocument.Parse("""{"i": 10, "f": 10.0, "s": "x", "n": null, "a": [1, [2]]}""");

        var output = Render("{{ i | divided_by: 4 }} {{ f | divided_by: 4 }} {{ s }} {{ n }}|{{ a | join: ',' }} {{ a[1][0] }}", json.RootElement);

        Assert.That(output, Is.EqualTo("2 2.5 x |1,2 2"));
    }

    [Test]
    public void Render_JsonArrayOfObjects_LoopsForwardAndReversed()
    {
        using var json = JsonDocument.Parse("""{"a": [{"n": 1}, {"n": 2}, {"n": 3}]}""");

        var output = Render("{% for x in a %}{{ x.n }}{% endfor %}-{% for x in a reversed %}{{ x.n }}{% endfor %}-{{ a | map: 'n' | join }}", json.RootElement);

        Assert.That(output, Is.EqualTo("123-321-1 2 3"));
    }

    [Test]
    public void Render_MissingKeyWithStrictVariables_ThrowsAtKeyPosition()
    {
        var options = new LiquidOptions { StrictVariables = true };

        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ user.nmae }}", Model(("user", Model(("name", "a")))), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo("undefined variable 'nmae'"));
            Assert.That(error.Column, Is.EqualTo(9));
        });
    }

    private sealed record Campaign(string Title, Sender Sender, string[] Tags);

    private sealed record Sender(string FullName);

    private sealed class ReadOnlyDictionaryWrapper(Dictionary<string, object?> inner) : IReadOnlyDictionary<string, object?>
    {
        public object? this[string key] => inner[key];

        public IEnumerable<string> Keys => inner.Keys;

        public IEnumerable<object?> Values => inner.Values;

        public int Count => inner.Count;

        public bool ContainsKey(string key) => inner.ContainsKey(key);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => inner.GetEnumerator();

        public bool TryGetValue(string key, out object? value) => inner.TryGetValue(key, out value);

        IEnumerator IEnumerable.GetEnumerator() => inner.GetEnumerator();
    }
}
