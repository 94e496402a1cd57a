// A read-only list over a JSON array that reads elements in place; sequential access (as loops do) is O(1) per step.
using System.Collections;
using System.Text.Json;

namespace Newsletter.Liquid.Values;

internal sealed class JsonArrayView : IList
{
    private readonly JsonElement array;
    private JsonElement.ArrayEnumerator cursor;
    private int cursorIndex = -1;

    public JsonArrayView(JsonElement array)
    {
        this.array = array;
        cursor = array.EnumerateArray();
        Count = array.GetArrayLength();
    }

    public int Count { get; }

    public bool IsFixedSize => true;

    public bool IsReadOnly => true;

    public bool IsSynchronized => false;

    public object SyncRoot => this;

    public object? this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            // JsonElement's own indexer walks the array when elements are objects, so a cursor is kept instead.
            if (index <= cursorIndex)
            {
                cursor = array.EnumerateArray();
                cursorIndex = -1;
            }

            while (cursorIndex < index)
            {
                cursor.MoveNext();
                cursorIndex++;
            }

            return JsonValues.FromElement(cursor.Current);
        }

        set => throw new NotSupportedException();
    }

    public IEnumerator GetEnumerator()
    {
        foreach (var item in array.EnumerateArray())
        {
            yield return JsonValues.FromElement(item);
        }
    }

    public int Add(object? value) => throw new NotSupportedException();

    public void Clear() => throw new NotSupportedException();

    public bool Contains(object? value) => IndexOf(value) >= 0;

    public int IndexOf(object? value)
    {
        var i = 0;
        foreach (var item in this)
        {
            if (LiquidValues.Equals(item, value))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    public void Insert(int index, object? value) => throw new NotSupportedException();

    public void Remove(object? value) => throw new NotSupportedException();

    public void RemoveAt(int index) => throw new NotSupportedException();

    public void CopyTo(Array target, int index)
    {
        foreach (var item in this)
        {
            target.SetValue(item, index++);
        }
    }
}
