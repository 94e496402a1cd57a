// A window (offset, count, direction) onto a loop's collection, so loops need not copy their items.
using System.Collections;

namespace Newsletter.Liquid.Tags;

internal readonly struct LoopSlice
{
    private readonly IList source;
    private readonly int start;
    private readonly bool reversed;

    public LoopSlice(IList source, int start, int count, bool reversed)
    {
        this.source = source;
        this.start = start;
        Count = count;
        this.reversed = reversed;
    }

    public int Count { get; }

    public object? this[int index] => source[reversed ? start + Count - 1 - index : start + index];
}
