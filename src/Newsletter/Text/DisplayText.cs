// Makes text that readers wrote safe to show beside other text: in a terminal, or on a web page.
using System.Text;

namespace Newsletter.Text;

/// <summary>
/// Neutralises characters that act on their surroundings instead of being read: C0 and C1 control characters
/// (U+0000–U+001F, U+007F–U+009F; in a terminal, ESC and CSI start escape sequences that recolour, retitle or
/// rewrite the screen) and the bidirectional formatting characters of Unicode Standard Annex #9 (U+061C, U+200E,
/// U+200F, U+202A–U+202E, U+2066–U+2069), which reorder the text after them, e.g. reverse the address beside a comment.
/// </summary>
public static class DisplayText
{
    /// <summary>What a neutralised character is shown as: U+FFFD, so a reader sees that something was there.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// <paramref name="text"/> for one line of terminal output: every control or bidirectional formatting character
    /// (line breaks and tabs included) becomes <see cref="Replacement"/>. Null becomes empty.
    /// </summary>
    public static string ForTerminal(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.AsSpan().ContainsAny(Unsafe)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(IsUnsafe(c) ? Replacement : c);
        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> without its bidirectional formatting characters, for a web page that also isolates it
    /// (<c>&lt;bdi&gt;</c>), so it cannot reorder what stands beside it. Other characters are kept. Null becomes empty.
    /// </summary>
    public static string WithoutBidiControls(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.AsSpan().ContainsAny(Bidi)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!IsBidiControl(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>True for a bidirectional formatting character (UAX #9: ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsUnsafe(char c) => char.IsControl(c) || IsBidiControl(c);

    private static readonly System.Buffers.SearchValues<char> Bidi =
        System.Buffers.SearchValues.Create("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(i => (char)i)) +
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
