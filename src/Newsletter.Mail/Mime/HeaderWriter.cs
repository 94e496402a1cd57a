// Writes unstructured header fields (Subject, extra headers), choosing plain folded ASCII or encoded-words.
namespace Newsletter.Mail.Mime;

/// <summary>Unstructured header writing (RFC 5322 §3.2.5, §3.6.5) with RFC 2047 fallback.</summary>
internal static class HeaderWriter
{
    /// <summary>
    /// Writes <c>name: value</c>. Line breaks in the value become spaces (a header can never be injected through
    /// a value). Printable ASCII is folded at whitespace; anything else, or text that could be mistaken for an
    /// encoded-word, or a word too long for one line, is written as encoded-words.
    /// </summary>
    /// <param name="output">Destination.</param>
    /// <param name="name">Field name.</param>
    /// <param name="value">Field value.</param>
    /// <param name="freeText">
    /// True for human text such as Subject, where "=?" is encoded to keep it literal and overlong words are encoded to
    /// fit; false for machine values such as List-Unsubscribe URLs, which are never encoded while they are ASCII.
    /// </param>
    public static void WriteUnstructured(MimeOutput output, string name, string value, bool freeText)
    {
        value = value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        if (!EncodedWord.IsNeeded(value, allowLookalike: !freeText) && !(freeText && (HasOverlongWord(name, value) || HasEdgeWhitespace(value))))
        {
            HeaderFolding.WriteSimple(output, name, value);
            return;
        }

        if (!freeText)
        {
            HeaderFolding.Write(output, name, EncodeNonAsciiWords(name, value));
            return;
        }

        // The first word shares its line with "Name: ".
        var words = EncodedWord.Encode(value, HeaderFolding.PreferredLineLength - name.Length - 2);
        var segments = new List<HeaderSegment>(words.Count);
        foreach (string word in words)
        {
            segments.Add(new HeaderSegment(" ", word));
        }

        HeaderFolding.Write(output, name, segments);
    }

    /// <summary>
    /// Encodes only the runs of whitespace-separated words that contain non-ASCII, so the ASCII structure of a value
    /// such as List-Id's <c>phrase &lt;id&gt;</c> is kept (an encoded-word must stand alone between whitespace,
    /// RFC 2047 §5). Angle-bracketed words (URLs, ids) must already be ASCII.
    /// </summary>
    /// <exception cref="ArgumentException">A bracketed word contains non-ASCII characters.</exception>
    private static List<HeaderSegment> EncodeNonAsciiWords(string name, string value)
    {
        var words = HeaderFolding.SplitAtWhitespace(value.Replace('\t', ' '));
        var segments = new List<HeaderSegment>();
        int i = 0;
        while (i < words.Count)
        {
            if (!EncodedWord.IsNeeded(words[i].Text, allowLookalike: true))
            {
                segments.Add(words[i++]);
                continue;
            }

            // Adjacent non-ASCII words form one encoded run; the spaces between them go inside the encoding.
            int start = i;
            var run = new System.Text.StringBuilder(words[i++].Text);
            while (i < words.Count && EncodedWord.IsNeeded(words[i].Text, allowLookalike: true))
            {
                run.Append(words[i].LeadingSpace).Append(words[i++].Text);
            }

            string text = run.ToString();
            if (text.Contains('<') || text.Contains('>'))
            {
                throw new ArgumentException(
                    $"Header '{name}' has non-ASCII text inside angle brackets; URLs and identifiers must be ASCII (percent-encode or punycode them).",
                    nameof(value));
            }

            foreach (string encoded in EncodedWord.Encode(text, 60))
            {
                segments.Add(new HeaderSegment(start == 0 && segments.Count == 0 ? "" : " ", encoded));
            }
        }

        return segments;
    }

    // Folding drops leading and trailing whitespace; encoded-words keep it.
    private static bool HasEdgeWhitespace(string value) =>
        value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));

    private static bool HasOverlongWord(string name, string value)
    {
        int limit = HeaderFolding.MaxLineLength - name.Length - 2;
        int run = 0;
        foreach (char c in value)
        {
            run = c is ' ' or '\t' ? 0 : run + 1;
            if (run > limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks an RFC 5322 §3.6.8 field name: printable ASCII except colon, 1 to 76 characters.</summary>
    /// <exception cref="ArgumentException">The name is not a valid field name.</exception>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 76)
        {
            throw new ArgumentException($"Header name '{name}' must be 1 to 76 characters long.", nameof(name));
        }

        foreach (char c in name)
        {
            if (c < 33 || c > 126 || c == ':')
            {
                throw new ArgumentException($"Header name '{name}' contains a character not allowed by RFC 5322 §3.6.8.", nameof(name));
            }
        }
    }
}
