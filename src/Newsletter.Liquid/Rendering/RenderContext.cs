// Variable scopes and per-template registers (counters, cycles, loop offsets) of one render.
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Rendering;

internal sealed class RenderContext
{
    private readonly object? model;
    private readonly Dictionary<string, object?> assigns = new(StringComparer.Ordinal);
    private string[] localNames = new string[8];
    private object?[] localValues = new object?[8];
    private int localCount;
    private int[] frames = new int[8];
    private int frameCount;
    private Dictionary<string, long>? counters;
    private Dictionary<string, int>? cycles;
    private Dictionary<string, long>? loopOffsets;

    public RenderContext(RenderState state, object? model, SourceText source, bool isolated)
    {
        State = state;
        this.model = model;
        Source = source;
        Isolated = isolated;
        Output = state.Output;
    }

    public RenderState State { get; }

    public RenderOutput Output { get; }

    public LiquidOptions Options => State.Options;

    /// <summary>The template whose nodes are rendering now, for error positions.</summary>
    public SourceText Source { get; set; }

    /// <summary>True inside a partial rendered with 'render', where 'include' is not allowed.</summary>
    public bool Isolated { get; }

    /// <summary>The most recent output of any ifchanged tag.</summary>
    public string? LastIfChanged { get; set; }

    /// <summary>The innermost forloop object, so nested loops can expose it as parentloop.</summary>
    public object? CurrentForLoop { get; set; }

    public bool TryGetVariable(string name, out object? value)
    {
        for (var i = localCount - 1; i >= 0; i--)
        {
            if (string.Equals(localNames[i], name, StringComparison.Ordinal))
            {
                value = localValues[i];
                return true;
            }
        }

        if (assigns.TryGetValue(name, out value))
        {
            return true;
        }

        if (counters is not null && counters.TryGetValue(name, out var counter))
        {
            value = Boxes.Int(counter);
            return true;
        }

        return MemberAccess.TryGetMember(model, name, out value);
    }

    /// <summary>Assignments go to the template's outermost scope, so they outlive loops and blocks.</summary>
    public void Assign(string name, object? value) => assigns[name] = value;

    public void PushFrame()
    {
        if (frameCount == frames.Length)
        {
            Array.Resize(ref frames, frames.Length * 2);
        }

        frames[frameCount++] = localCount;
    }

    public void PopFrame()
    {
        var start = frames[--frameCount];
        Array.Clear(localValues, start, localCount - start);
        localCount = start;
    }

    /// <summary>Sets a variable in the innermost frame (loop variables, include arguments).</summary>
    public void SetLocal(string name, object? value)
    {
        var start = frameCount > 0 ? frames[frameCount - 1] : 0;
        for (var i = localCount - 1; i >= start; i--)
        {
            if (string.Equals(localNames[i], name, StringComparison.Ordinal))
            {
                localValues[i] = value;
                return;
            }
        }

        if (localCount == localNames.Length)
        {
            Array.Resize(ref localNames, localNames.Length * 2);
            Array.Resize(ref localValues, localValues.Length * 2);
        }

        localNames[localCount] = name;
        localValues[localCount] = value;
        localCount++;
    }

    public long Increment(string name, long delta)
    {
        counters ??= new Dictionary<string, long>(StringComparer.Ordinal);

        // Ruby Liquid keeps counters in the render's data, so a counter starts from a global of the same name.
        if (!counters.TryGetValue(name, out var value) && MemberAccess.TryGetMember(model, name, out var global))
        {
            Numbers.TryGetInteger(global, out value);
        }

        counters[name] = value + delta;
        return value;
    }

    public int NextCycle(string key, int count)
    {
        cycles ??= new Dictionary<string, int>(StringComparer.Ordinal);
        // Like Ruby Liquid, the stored position is shared by every cycle with the same key even when
        // their value lists differ in length, so the returned index may be past this tag's values.
        cycles.TryGetValue(key, out var index);
        cycles[key] = index + 1 >= count ? 0 : index + 1;
        return index;
    }

    public long GetLoopOffset(string key) =>
        loopOffsets is not null && loopOffsets.TryGetValue(key, out var offset) ? offset : 0;

    public void SetLoopOffset(string key, long offset)
    {
        loopOffsets ??= new Dictionary<string, long>(StringComparer.Ordinal);
        loopOffsets[key] = offset;
    }

    public LiquidRenderException Error(int offset, string reason) => Source.RenderError(offset, reason);
}
