// An inclusive integer range such as (1..5); behaves as a read-only array of integers.
using System.Collections;

namespace Newsletter.Liquid.Values;

internal sealed class LiquidRange : IList, IReadOnlyList<object?>
{
    public LiquidRange(long start, long end)
    {
        Start = start;
        End = end;
    }

    public long Start { get; }

    public long End { get; }

    public int Count => End < Start ? 0 : (int)Math.Min(int.MaxValue, End - Start + 1);

    public bool IsFixedSize => true;

    public bool IsReadOnly => true;

    public bool IsSynchronized => false;

    public object SyncRoot => this;

    public object? this[int index]
    {
        get => index >= 0 && index < Count ? Boxes.Int(Start + index) : throw new ArgumentOutOfRangeException(nameof(index));
        set => throw new NotSupportedException();
    }

    public override string ToString() => $"{Start}..{End}";

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = Start; i <= End; i++)
        {
            yield return Boxes.Int(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int Add(object? value) => throw new NotSupportedException();

    public void Clear() => throw new NotSupportedException();

    public bool Contains(object? value) => IndexOf(value) >= 0;

    public int IndexOf(object? value) =>
        Numbers.TryGetInteger(value, out var n) && n >= Start && n <= End ? (int)(n - Start) : -1;

    public void Insert(int index, object? value) => throw new NotSupportedException();

    public void Remove(object? value) => throw new NotSupportedException();

    public void RemoveAt(int index) => throw new NotSupportedException();

    public void CopyTo(Array array, int index)
    {
        foreach (var item in this)
        {
            array.SetValue(item, index++);
        }
    }
}
