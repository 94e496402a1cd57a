// The table of built-in filters, assembled from the filter group classes.
using System.Collections.Frozen;

namespace Newsletter.Liquid.Filters;

internal static class FilterRegistry
{
    private static readonly FrozenDictionary<string, FilterDefinition> Filters = Build();

    public static bool TryGet(string name, out FilterDefinition definition) =>
        Filters.TryGetValue(name, out definition!);

    private static FrozenDictionary<string, FilterDefinition> Build()
    {
        var filters = new Dictionary<string, FilterDefinition>(StringComparer.Ordinal);
        void Add(FilterDefinition definition) => filters.Add(definition.Name, definition);
        StringFilters.Register(Add);
        HtmlFilters.Register(Add);
        EncodingFilters.Register(Add);
        MathFilters.Register(Add);
        ArrayFilters.Register(Add);
        PropertyFilters.Register(Add);
        DateFilters.Register(Add);
        MiscFilters.Register(Add);
        return filters.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
