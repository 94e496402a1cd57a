// A loader over an in-memory map of partial names to sources, for tests and small setups.
namespace Newsletter.Liquid;

/// <summary>
/// An <see cref="ITemplateLoader"/> that serves partials from an immutable copy of a dictionary.
/// </summary>
public sealed class DictionaryTemplateLoader : ITemplateLoader
{
    private readonly Dictionary<string, string> templates;

    /// <summary>Creates a loader from partial name to Liquid source.</summary>
    /// <param name="templates">Partial names (matched exactly) and their sources; copied.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="templates"/> is null.</exception>
    public DictionaryTemplateLoader(IEnumerable<KeyValuePair<string, string>> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        this.templates = new Dictionary<string, string>(templates, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public TemplateSource? Load(string name) =>
        templates.TryGetValue(name, out var text) ? new TemplateSource(name, text) : null;
}
