using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Filters;

public class EncodingFiltersTests
{
    [TestCase("{{ 'a b&c/d~é' | url_encode }}", "a+b%26c%2Fd~%C3%A9")]
    [TestCase("{{ 'a+b%26c%2Fd~%C3%A9' | url_decode }}", "a b&c/d~é")]
    [TestCase("{{ 'héllo' | base64_encode }} {{ 'aMOpbGxv' | base64_decode }}", "aMOpbGxv héllo")]
    [TestCase("{{ '>>?' | base64_url_safe_encode }} {{ 'Pj4_' | base64_url_safe_decode }}", "Pj4_ >>?")]
    public void Render_EncodingFilter_RoundTrips(string source, string expected)
    {
        Assert.That(Render(source), Is.EqualTo(expected));
    }

    [TestCase("{{ 'not base64!' | base64_decode }}", "filter 'base64_decode': invalid base64")]
    [TestCase("{{ 'aGVs bG8=' | base64_decode }}", "filter 'base64_decode': invalid base64")]
    [TestCase("{{ '%FF' | url_decode }}", "filter 'url_decode': invalid byte sequence in UTF-8")]
    public void Render_InvalidEncodedInput_ThrowsFilterError(string source, string reason)
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render(source));

        Assert.That(error!.Reason, Is.EqualTo(reason));
    }
}
