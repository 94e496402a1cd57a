// Abstraction over where partial templates come from.
namespace Newsletter.Liquid;

/// <summary>
/// Supplies partial templates by name for the <c>render</c> and <c>include</c> tags.
/// Implementations must be thread-safe; results are cached per <see cref="LiquidOptions"/> instance.
/// </summary>
public interface ITemplateLoader
{
    /// <summary>Loads the partial called <paramref name="name"/> (exactly as written in the tag).</summary>
    /// <param name="name">The partial name, e.g. "poll" from <c>{% render 'poll' %}</c>.</param>
    /// <returns>The partial's source, or null when there is no such partial.</returns>
    TemplateSource? Load(string name);
}
