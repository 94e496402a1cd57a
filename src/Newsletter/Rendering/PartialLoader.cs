// Serves partials to the Liquid engine, with the stylesheet inlined into HTML partials.
using System.Collections.Concurrent;
using Newsletter.Liquid;

namespace Newsletter.Rendering;

/// <summary>
/// Loads <c>partials/NAME.liquid</c>. Partials whose name ends in <c>.html</c> get the layout's stylesheet inlined
/// once, as a fragment inside the elements it is rendered in (see <see cref="PartialContexts"/>); a partial with a Liquid syntax error is served as written, so the engine reports the
/// error at its true line and column. Without an inliner, partials are served exactly as written.
/// </summary>
internal sealed class PartialLoader(TemplateFolder folder, CssInliner? inliner, LiquidOptions? validation, PartialContexts? contexts = null) : ITemplateLoader
{
    private readonly ConcurrentDictionary<string, TemplateSource?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _inlining = new();

    public TemplateSource? Load(string name) => _cache.GetOrAdd(name, Prepare);

    private TemplateSource? Prepare(string name)
    {
        var source = folder.Partial(name);
        if (source is null || inliner is null || validation is null || !name.EndsWith(".html", StringComparison.Ordinal)) return source;
        if (!LiquidTemplate.TryParse(source.Text, source.Name, validation, out _, out _)) return source;
        var shield = LiquidShield.ForHtml(source.Text);
        // Partials are loaded while subscribers render on several threads; the inliner is for one at a time.
        lock (_inlining)
        {
            var inlined = inliner.InlineFragment(shield.Text, contexts?.For(name), contexts?.Collector(shield));
            return source with { Text = shield.Restore(inlined) };
        }
    }
}
