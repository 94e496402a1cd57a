// Folds header fields at whitespace so lines stay within 78 characters where possible and never exceed 998.
namespace Newsletter.Mail.Mime;

/// <summary>
/// One unbreakable piece of a header value. Folding may happen only before a segment whose
/// <see cref="LeadingSpace"/> is non-empty; the space is kept so unfolding restores the value exactly.
/// </summary>
internal readonly record struct HeaderSegment(string LeadingSpace, string Text);

/// <summary>Header folding per RFC 5322 §2.2.3 and the line length limits of §2.1.1.</summary>
internal static class HeaderFolding
{
    public const int PreferredLineLength = 78;
    public const int MaxLineLength = 998;

    /// <summary>
    /// Writes <c>Name: value CRLF</c>, folding before segments with leading whitespace when the line would
    /// pass 78 characters.
    /// </summary>
    /// <exception cref="ArgumentException">A line cannot be kept within 998 octets.</exception>
    public static void Write(MimeOutput output, string name, IReadOnlyList<HeaderSegment> segments)
    {
        output.Ascii(name);
        output.Ascii(":");
        int lineLength = name.Length + 1;
        bool lineHasContent = false;
        for (int i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            string lead = i == 0 ? " " : segment.LeadingSpace;
            int added = lead.Length + segment.Text.Length;
            if (lineHasContent && lead.Length > 0 && lineLength + added > PreferredLineLength)
            {
                output.Crlf();
                lineLength = 0;
            }

            if (lineLength + added > MaxLineLength)
            {
                throw new ArgumentException(
                    $"Header '{name}' has a word of {segment.Text.Length} characters; a line cannot exceed {MaxLineLength} octets (RFC 5322 §2.1.1).");
            }

            output.Ascii(lead);
            output.Ascii(segment.Text);
            lineLength += added;
            lineHasContent = true;
        }

        output.Crlf();
    }

    /// <summary>Writes a header whose value is a single piece of ASCII text split only at its whitespace.</summary>
    public static void WriteSimple(MimeOutput output, string name, string value) => Write(output, name, SplitAtWhitespace(value));

    /// <summary>
    /// Splits ASCII text into segments at runs of spaces or tabs, each run kept as the leading space of the next
    /// word so unfolding gives back the same text. Leading and trailing whitespace is dropped.
    /// </summary>
    public static List<HeaderSegment> SplitAtWhitespace(string value)
    {
        var segments = new List<HeaderSegment>();
        int i = 0;
        int n = value.Length;
        while (i < n && IsWsp(value[i]))
        {
            i++;
        }

        while (i < n)
        {
            int wsStart = i;
            while (i < n && IsWsp(value[i]))
            {
                i++;
            }

            if (i == n)
            {
                break;
            }

            int wordStart = i;
            while (i < n && !IsWsp(value[i]))
            {
                i++;
            }

            segments.Add(new HeaderSegment(value[wsStart..wordStart], value[wordStart..i]));
        }

        return segments;
    }

    private static bool IsWsp(char c) => c == ' ' || c == '\t';
}
