// RFC 2047 encoded-words for non-ASCII text in Subject, display names and other unstructured header text.
using System.Globalization;
using System.Text;

namespace Newsletter.Mail.Mime;

/// <summary>
/// Produces RFC 2047 encoded-words (<c>=?utf-8?B?...?=</c> or <c>=?utf-8?Q?...?=</c>), each at most 75 characters
/// (RFC 2047 §2) and each holding whole characters only (§5: a multi-octet character is never split between words;
/// grapheme clusters are kept together where they fit).
/// </summary>
internal static class EncodedWord
{
    public const int MaxWordLength = 75;
    private const string QPrefix = "=?utf-8?Q?";
    private const string BPrefix = "=?utf-8?B?";
    private const int Overhead = 12; // prefix (10) + "?=" (2)

    /// <summary>
    /// Encodes <paramref name="text"/> into encoded-words. The first word is at most <paramref name="firstWordMax"/>
    /// characters, later ones at most 75. Whitespace in the text is carried inside the words, since whitespace between
    /// adjacent encoded-words is dropped when decoding (RFC 2047 §6.2).
    /// </summary>
    public static List<string> Encode(string text, int firstWordMax = MaxWordLength)
    {
        byte[] all = Encoding.UTF8.GetBytes(text);
        bool useB = PreferBase64(all);
        var words = new List<string>();
        var current = new List<byte>(64);
        int budget = Math.Clamp(firstWordMax, 24, MaxWordLength);

        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            string element = elements.GetTextElement();
            byte[] bytes = Encoding.UTF8.GetBytes(element);
            if (Fits(current, bytes, budget, useB))
            {
                current.AddRange(bytes);
                continue;
            }

            if (current.Count > 0)
            {
                words.Add(Render(current, useB));
                current.Clear();
                budget = MaxWordLength;
                if (Fits(current, bytes, budget, useB))
                {
                    current.AddRange(bytes);
                    continue;
                }
            }

            // A grapheme cluster too long for one word: fall back to splitting it between scalar values.
            foreach (Rune rune in element.EnumerateRunes())
            {
                byte[] rb = new byte[rune.Utf8SequenceLength];
                rune.EncodeToUtf8(rb);
                if (!Fits(current, rb, budget, useB))
                {
                    words.Add(Render(current, useB));
                    current.Clear();
                    budget = MaxWordLength;
                }

                current.AddRange(rb);
            }
        }

        if (current.Count > 0 || words.Count == 0)
        {
            words.Add(Render(current, useB));
        }

        return words;
    }

    /// <summary>
    /// True when the text needs encoded-words: non-ASCII or control characters, or (unless
    /// <paramref name="allowLookalike"/>) text containing "=?" that a reader could take for an encoded-word.
    /// </summary>
    public static bool IsNeeded(string text, bool allowLookalike = false)
    {
        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return true;
            }
        }

        return !allowLookalike && text.Contains("=?", StringComparison.Ordinal);
    }

    // Q is kept for mostly-ASCII text (readable in raw form); B is shorter once a third of the octets need escaping.
    private static bool PreferBase64(byte[] bytes)
    {
        int escaped = 0;
        foreach (byte b in bytes)
        {
            if (!IsQLiteral(b) && b != (byte)' ')
            {
                escaped++;
            }
        }

        return escaped * 3 > bytes.Length;
    }

    private static bool Fits(List<byte> current, byte[] extra, int budget, bool useB)
    {
        int length;
        if (useB)
        {
            int total = current.Count + extra.Length;
            length = Overhead + ((total + 2) / 3 * 4);
        }
        else
        {
            length = Overhead + QLength(current) + QLength(extra);
        }

        return length <= budget;
    }

    private static int QLength(IEnumerable<byte> bytes)
    {
        int n = 0;
        foreach (byte b in bytes)
        {
            n += IsQLiteral(b) || b == (byte)' ' ? 1 : 3;
        }

        return n;
    }

    // The most restrictive Q set, valid inside a phrase (RFC 2047 §5 rule 3), so one encoder serves every header.
    private static bool IsQLiteral(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
        or (byte)'!' or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'/';

    private static string Render(List<byte> bytes, bool useB)
    {
        var sb = new StringBuilder(MaxWordLength);
        if (useB)
        {
            sb.Append(BPrefix).Append(Convert.ToBase64String(bytes.ToArray()));
        }
        else
        {
            sb.Append(QPrefix);
            foreach (byte b in bytes)
            {
                if (b == (byte)' ')
                {
                    sb.Append('_');
                }
                else if (IsQLiteral(b))
                {
                    sb.Append((char)b);
                }
                else
                {
                    sb.Append('=').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
                }
            }
        }

        return sb.Append("?=").ToString();
    }

    private const string HexUpper = "0123456789ABCDEF";
}
