// Derived rows (field values, tags) of a bulk import, held until they can be written in their index's order.
using System.Text;
using Newsletter.Text;

namespace Newsletter.Audience;

/// <summary>
/// Derived rows grouped by (name, value folded as <c>lower()</c> under "C" folds it), each group's ids in the
/// order they came (ascending, as lines are), and handed out in the order of an index on
/// <c>(name, lower(value), subscriber_id)</c>: the groups sorted by their UTF-8 bytes, which is that collation's order.
/// Tags are rows without values (<paramref name="withValues"/> false): the name is the tag.
/// </summary>
internal sealed class IndexOrderedRows(bool withValues)
{
    private readonly Dictionary<(string Name, string Value), Group> _groups = new(KeyComparer.Instance);

    /// <summary>Whether the rows have a value column; without, every value is "".</summary>
    public bool WithValues { get; } = withValues;

    public int Count { get; private set; }

    /// <summary>Adds a row; ids must come in ascending order.</summary>
    public void Add(string name, string value, long id)
    {
        if (!_groups.TryGetValue((name, value), out var group)) _groups.Add((name, value), group = new Group(name, value));
        group.Add(value, id);
        Count++;
    }

    public IEnumerable<(string Name, string Value, long Id)> InIndexOrder()
    {
        var ordered = _groups.Values
            .Select(g => (Group: g, Sort: Encoding.UTF8.GetBytes(g.Name + "\0" + AsciiCase.Fold(g.Value))))
            .OrderBy(g => g.Sort, ByteOrder.Instance);
        foreach (var (group, _) in ordered)
            for (var i = 0; i < group.Ids.Count; i++)
                yield return (group.Name, group.ValueAt(i), group.Ids[i]);
    }

    private sealed class Group(string name, string value)
    {
        // Values that fold alike but are written differently ("Pro", "pro") are kept per row; the common case of
        // one spelling keeps one string for the whole group.
        private List<string>? _values;

        public string Name { get; } = name;

        public string Value { get; } = value;

        public List<long> Ids { get; } = [];

        public void Add(string value, long id)
        {
            if (_values is null && !string.Equals(value, Value, StringComparison.Ordinal))
                _values = [.. Enumerable.Repeat(Value, Ids.Count)];
            _values?.Add(value);
            Ids.Add(id);
        }

        public string ValueAt(int index) => _values?[index] ?? Value;
    }

    private sealed class KeyComparer : IEqualityComparer<(string Name, string Value)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Name, string Value) x, (string Name, string Value) y) =>
            string.Equals(x.Name, y.Name, StringComparison.Ordinal) && AsciiCase.Comparer.Equals(x.Value, y.Value);

        public int GetHashCode((string Name, string Value) key) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(key.Name), AsciiCase.Comparer.GetHashCode(key.Value));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
