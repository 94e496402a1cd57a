// Maps character offsets of a template to line/column positions for error messages.
namespace Newsletter.Liquid.Parsing;

internal sealed class SourceText
{
    private int[]? lineStarts;

    public SourceText(string name, string text)
    {
        Name = name;
        Text = text;
    }

    public string Name { get; }

    public string Text { get; }

    public LiquidParseException ParseError(int offset, string reason)
    {
        var (line, column, sourceLine) = Locate(offset);
        return new LiquidParseException(reason, Name, line, column, sourceLine);
    }

    public LiquidRenderException RenderError(int offset, string reason, Exception? inner = null)
    {
        var (line, column, sourceLine) = Locate(offset);
        return new LiquidRenderException(reason, Name, line, column, sourceLine, inner);
    }

    public (int Line, int Column, string SourceLine) Locate(int offset)
    {
        // Computed lazily: positions are only needed when something goes wrong.
        lineStarts ??= ComputeLineStarts(Text);
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var start = lineStarts[index];
        var end = Text.IndexOf('\n', start);
        if (end < 0)
        {
            end = Text.Length;
        }

        var lineText = Text[start..end].TrimEnd('\r');
        return (index + 1, offset - start + 1, lineText);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
