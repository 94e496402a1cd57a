// The SMTP service extensions a server announced in its EHLO reply.
namespace Newsletter.Mail.Smtp;

/// <summary>Extensions parsed from an EHLO reply (RFC 5321 §4.1.1.1); all off after a HELO fallback.</summary>
public sealed class SmtpCapabilities
{
    /// <summary>No extensions (the server only answered HELO).</summary>
    public static SmtpCapabilities None { get; } = new();

    /// <summary>True when the session was opened with EHLO rather than HELO.</summary>
    public bool Extended { get; private init; }

    /// <summary>PIPELINING (RFC 2920).</summary>
    public bool Pipelining { get; private init; }

    /// <summary>8BITMIME (RFC 6152).</summary>
    public bool EightBitMime { get; private init; }

    /// <summary>SMTPUTF8 (RFC 6531).</summary>
    public bool SmtpUtf8 { get; private init; }

    /// <summary>STARTTLS (RFC 3207).</summary>
    public bool StartTls { get; private init; }

    /// <summary>ENHANCEDSTATUSCODES (RFC 2034).</summary>
    public bool EnhancedStatusCodes { get; private init; }

    /// <summary>SIZE (RFC 1870) was announced.</summary>
    public bool Size { get; private init; }

    /// <summary>The announced SIZE limit in octets, or 0 when none was given (no fixed limit).</summary>
    public long MaxSize { get; private init; }

    /// <summary>AUTH mechanisms (RFC 4954), upper case, e.g. PLAIN, LOGIN.</summary>
    public IReadOnlySet<string> AuthMechanisms { get; private init; } = new HashSet<string>();

    /// <summary>Parses the lines of a 250 EHLO reply; the first line (the server's greeting name) is skipped.</summary>
    /// <param name="ehloReply">The successful EHLO reply.</param>
    /// <returns>The capabilities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ehloReply"/> is null.</exception>
    public static SmtpCapabilities Parse(SmtpReply ehloReply)
    {
        ArgumentNullException.ThrowIfNull(ehloReply);
        bool pipelining = false, eightBit = false, utf8 = false, startTls = false, enhanced = false, size = false;
        long maxSize = 0;
        var auth = new HashSet<string>(StringComparer.Ordinal);
        var lines = ehloReply.Text.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            var words = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                continue;
            }

            string keyword = words[0].ToUpperInvariant();
            switch (keyword)
            {
                case "PIPELINING": pipelining = true; break;
                case "8BITMIME": eightBit = true; break;
                case "SMTPUTF8": utf8 = true; break;
                case "STARTTLS": startTls = true; break;
                case "ENHANCEDSTATUSCODES": enhanced = true; break;
                case "SIZE":
                    size = true;
                    if (words.Length > 1 && long.TryParse(words[1], out long limit) && limit > 0)
                    {
                        maxSize = limit;
                    }

                    break;
                case "AUTH":
                    AddMechanisms(auth, words.Skip(1));
                    break;
                default:
                    // Some old servers announce "AUTH=LOGIN PLAIN".
                    if (keyword.StartsWith("AUTH=", StringComparison.Ordinal))
                    {
                        AddMechanisms(auth, words.Skip(1).Prepend(keyword[5..]));
                    }

                    break;
            }
        }

        return new SmtpCapabilities
        {
            Extended = true,
            Pipelining = pipelining,
            EightBitMime = eightBit,
            SmtpUtf8 = utf8,
            StartTls = startTls,
            EnhancedStatusCodes = enhanced,
            Size = size,
            MaxSize = maxSize,
            AuthMechanisms = auth,
        };
    }

    private static void AddMechanisms(HashSet<string> set, IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            set.Add(name.ToUpperInvariant());
        }
    }
}
