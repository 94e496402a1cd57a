// Accumulates wrapped plain-text blocks and the numbered link references they point to.
using System.Text;

namespace Newsletter.Rendering;

/// <summary>Builds plain text block by block, wrapping at <see cref="HtmlToText.Width"/> and numbering links.</summary>
internal sealed class TextBlockWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<string> _links;
    // Looking a URL up in the list would make an issue of many links quadratic.
    private readonly Dictionary<string, int> _numbers;

    public TextBlockWriter()
    {
        _links = [];
        _numbers = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    /// <summary>A nested writer (for quotes) that shares the link numbering.</summary>
    public TextBlockWriter(TextBlockWriter parent)
    {
        _links = parent._links;
        _numbers = parent._numbers;
    }

    /// <summary>Registers a link and returns its reference number; a repeated URL keeps its first number.</summary>
    public int Link(string url)
    {
        if (_numbers.TryGetValue(url, out var number)) return number;
        _links.Add(url);
        _numbers[url] = _links.Count;
        return _links.Count;
    }

    public void Paragraph(string indent, string text, bool wrap = true)
    {
        foreach (var line in text.Split('\n'))
            _text.Append(wrap ? Wrap(indent, "", line) : indent + line).Append('\n');
        EndBlock();
    }

    public void Line(string indent, string text) => _text.Append(Wrap(indent, "", text)).Append('\n');

    public void Item(string indent, string marker, string text) =>
        _text.Append(Wrap(indent, marker, text)).Append('\n');

    public void EndBlock()
    {
        // Only the last two characters matter; copying the whole text out for each block made long issues quadratic.
        if (_text.Length > 0 && !(_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n')) _text.Append('\n');
    }

    public void AppendLinks()
    {
        if (_links.Count == 0) return;
        _text.Append("Links:\n");
        for (var i = 0; i < _links.Count; i++) _text.Append($"[{i + 1}] {_links[i]}\n");
    }

    public override string ToString() => _text.ToString().TrimEnd() + "\n";

    // Greedy word wrap with a hanging indent under list markers; a word longer than the line (a URL) stands alone.
    private static string Wrap(string indent, string marker, string text)
    {
        var builder = new StringBuilder();
        var line = new StringBuilder(indent + marker);
        var hanging = indent + new string(' ', marker.Length);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > HtmlToText.Width)
            {
                builder.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(hanging);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        builder.Append(line.ToString().TrimEnd());
        return builder.ToString();
    }
}
