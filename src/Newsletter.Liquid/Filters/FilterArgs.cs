// Evaluated filter arguments, held in a struct so a filter call with up to three arguments does not allocate.
namespace Newsletter.Liquid.Filters;

internal readonly struct FilterArgs
{
    private readonly object? a0;
    private readonly object? a1;
    private readonly object? a2;
    private readonly object?[]? all;
    private readonly KeyValuePair<string, object?>[]? keywords;

    public FilterArgs(int count, object? a0, object? a1, object? a2, object?[]? all, KeyValuePair<string, object?>[]? keywords)
    {
        Count = count;
        this.a0 = a0;
        this.a1 = a1;
        this.a2 = a2;
        this.all = all;
        this.keywords = keywords;
    }

    public int Count { get; }

    public object? this[int index] => all is not null
        ? (index < all.Length ? all[index] : null)
        : index switch { 0 => a0, 1 => a1, 2 => a2, _ => null };

    /// <summary>The argument at <paramref name="index"/>, or <paramref name="fallback"/> when it was not given.</summary>
    public object? Get(int index, object? fallback) => index < Count ? this[index] : fallback;

    public bool TryGetKeyword(string name, out object? value)
    {
        if (keywords is not null)
        {
            foreach (var pair in keywords)
            {
                if (pair.Key == name)
                {
                    value = pair.Value;
                    return true;
                }
            }
        }

        value = null;
        return false;
    }
}
