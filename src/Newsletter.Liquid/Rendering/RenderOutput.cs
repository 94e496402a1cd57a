// Output buffer for one render: counts bytes against the output limit and supports nested captures.
using System.Text;
using Newsletter.Liquid.Filters;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Rendering;

internal sealed class RenderOutput
{
    private const int FlushThreshold = 16 * 1024;

    private readonly TextWriter? sink;
    private readonly long limit;
    private readonly Stack<StringBuilder> captures = new();
    private StringBuilder buffer;
    private long written;

    public RenderOutput(StringBuilder buffer, TextWriter? sink, long limit)
    {
        this.buffer = buffer;
        this.sink = sink;
        this.limit = limit;
    }

    public void WriteText(string text, int utf8Bytes)
    {
        Count(utf8Bytes);
        buffer.Append(text);
        FlushIfLarge();
    }

    public void Write(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        Count(Encoding.UTF8.GetByteCount(text));
        buffer.Append(text);
        FlushIfLarge();
    }

    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                Write(s);
                return;
            case long l:
                var before = buffer.Length;
                buffer.Append(l);
                Count(buffer.Length - before);
                return;
            case double d:
                Span<char> text = stackalloc char[RubyFloat.MaxLength];
                var length = RubyFloat.Format(d, text);
                Count(length);
                buffer.Append(text[..length]);
                return;
            default:
                Write(Formatting.ToOutput(value));
                return;
        }
    }

    /// <summary>Writes text HTML-escaped straight into the buffer, avoiding an intermediate escaped string.</summary>
    public void WriteEscaped(string text)
    {
        var before = buffer.Length;
        var bytes = HtmlFilters.AppendEscaped(buffer, text);
        try
        {
            Count(bytes);
        }
        catch (LiquidRuntimeError)
        {
            buffer.Length = before;
            throw;
        }

        FlushIfLarge();
    }

    public void BeginCapture()
    {
        captures.Push(buffer);
        buffer = new StringBuilder();
    }

    public string EndCapture()
    {
        var text = buffer.ToString();
        buffer = captures.Pop();
        return text;
    }

    public void Flush()
    {
        if (sink is not null && captures.Count == 0 && buffer.Length > 0)
        {
            foreach (var chunk in buffer.GetChunks())
            {
                sink.Write(chunk.Span);
            }

            buffer.Clear();
        }
    }

    private void Count(int bytes)
    {
        written += bytes;
        if (written > limit)
        {
            throw new LiquidRuntimeError(LiquidErrors.OutputLimitExceeded(limit));
        }
    }

    private void FlushIfLarge()
    {
        if (sink is not null && buffer.Length > FlushThreshold)
        {
            Flush();
        }
    }
}

