// Remembers where each partial is rendered, so its stylesheet is inlined as it will stand in the email.
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Newsletter.Rendering;

/// <summary>
/// The <see cref="FragmentContext"/> of every <c>{% render 'NAME' %}</c> (or <c>include</c>) in an inlined
/// template, learnt from the comment placeholders <see cref="LiquidShield"/> leaves for them. A partial rendered in
/// several places gets the context they share. Thread-safe: partials are prepared while issues render.
/// </summary>
internal sealed partial class PartialContexts
{
    private readonly ConcurrentDictionary<string, FragmentContext> _byName = new(StringComparer.Ordinal);

    /// <summary>A comment observer for <see cref="CssInliner"/> that records the partials <paramref name="shield"/>'s placeholders stand for.</summary>
    public Action<string, FragmentContext> Collector(LiquidShield shield) => (comment, context) =>
    {
        if (shield.SpanOfComment(comment) is { } span && PartialTag().Match(span) is { Success: true } tag)
            _byName.AddOrUpdate(tag.Groups[1].Value, context, (_, known) => known.CommonWith(context));
    };

    /// <summary>Where <paramref name="name"/> is rendered, or null when no inlined template renders it.</summary>
    public FragmentContext? For(string name) => _byName.GetValueOrDefault(name);

    [GeneratedRegex(@"^\{%-?\s*(?:render|include)\s+['""]([^'""]+)['""]")]
    private static partial Regex PartialTag();
}
