// The elements a partial is rendered inside, so descendant selectors such as `.footer a` reach into it.
using AngleSharp.Dom;

namespace Newsletter.Rendering;

/// <summary>
/// The chain of elements that encloses a spot in a document, outermost (<c>html</c>) first, each with its tag name
/// and attributes. A partial inlined on its own has no ancestors, so a rule such as <c>.footer a</c> would miss the
/// links of a footer partial; inlined inside a copy of this chain, it matches them as in the finished email.
/// Siblings are not kept: sibling combinators (<c>+</c>, <c>~</c>) and structural pseudo-classes are not supported.
/// </summary>
public sealed class FragmentContext
{
    private FragmentContext(IReadOnlyList<ContextElement> elements) => Elements = elements;

    /// <summary>The enclosing elements, outermost first.</summary>
    public IReadOnlyList<ContextElement> Elements { get; }

    /// <summary>The chain of <paramref name="parent"/> and its ancestors.</summary>
    public static FragmentContext Of(INode parent)
    {
        var chain = new List<ContextElement>();
        for (var node = parent; node is not null; node = node.Parent)
            if (node is IElement element)
                chain.Add(new ContextElement(element.LocalName, element.Attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)).ToList()));
        chain.Reverse();
        return new FragmentContext(chain);
    }

    /// <summary>
    /// The chain both contexts share from the top: a partial rendered in two places is inlined with what holds for
    /// both, so no rule applies to it that would be wrong in one of them.
    /// </summary>
    public FragmentContext CommonWith(FragmentContext other)
    {
        var shared = Elements.Zip(other.Elements).TakeWhile(p => p.First.Equals(p.Second)).Select(p => p.First).ToList();
        return new FragmentContext(shared);
    }
}

/// <summary>One element of a <see cref="FragmentContext"/>.</summary>
/// <param name="Name">Lower-case tag name.</param>
/// <param name="Attributes">Attributes as written (name, value).</param>
public sealed record ContextElement(string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    /// <inheritdoc />
    public bool Equals(ContextElement? other) => other is not null && Name == other.Name && Attributes.SequenceEqual(other.Attributes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Attributes.Count);
}
