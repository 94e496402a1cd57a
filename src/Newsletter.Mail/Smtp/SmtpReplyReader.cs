// Reads and parses server replies, including multi-line replies and enhanced status codes.
using System.Text;

namespace Newsletter.Mail.Smtp;

/// <summary>
/// Parses replies per RFC 5321 §4.2: lines <c>NNN-text</c> continue a reply, <c>NNN text</c> (or bare <c>NNN</c>)
/// ends it. An RFC 3463 enhanced code at the start of a line's text is split off when its class digit matches the
/// reply code's. Bare LF line ends are tolerated.
/// </summary>
internal sealed class SmtpReplyReader(SmtpTransport transport)
{
    private const int MaxLineLength = 64 * 1024;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly MemoryStream _line = new(512);
    private int _start;
    private int _end;

    /// <summary>Set when a malformed reply was seen; the session cannot continue.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>True when bytes the server sent have been received but not yet parsed.</summary>
    public bool HasBufferedData => _end > _start;

    /// <exception cref="SmtpException">ProtocolError for a malformed reply, or a transport failure.</exception>
    public async ValueTask<SmtpReply> ReadReplyAsync(CancellationToken ct)
    {
        int code = 0;
        string? enhanced = null;
        var text = new StringBuilder();
        int lineCount = 0;
        while (true)
        {
            string line = await ReadLineAsync(ct).ConfigureAwait(false);
            if (line.Length < 3 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2])
                || (line.Length > 3 && line[3] != ' ' && line[3] != '-'))
            {
                IsBroken = true;
                throw new SmtpException(SmtpErrorKind.ProtocolError, $"Malformed reply line: '{Truncate(line)}'.");
            }

            int lineCode = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
            if (lineCount > 0 && lineCode != code)
            {
                IsBroken = true;
                throw new SmtpException(SmtpErrorKind.ProtocolError, $"Reply code changed inside a multi-line reply ({code} then {lineCode}).");
            }

            code = lineCode;
            string rest = line.Length > 4 ? line[4..] : "";
            string? lineEnhanced = SplitEnhanced(code, ref rest);
            enhanced ??= lineEnhanced;
            if (lineCount > 0)
            {
                text.Append('\n');
            }

            text.Append(rest);
            lineCount++;
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, enhanced, text.ToString());
            }
        }
    }

    private static string? SplitEnhanced(int code, ref string text)
    {
        // class "." subject (1-3 digits) "." detail (1-3 digits), followed by a space or the end of the line.
        int i = 0;
        if (text.Length < 5 || text[0] - '0' != code / 100 || text[0] is not ('2' or '4' or '5') || text[1] != '.')
        {
            return null;
        }

        i = 2;
        int subjectDigits = CountDigits(text, i);
        if (subjectDigits is < 1 or > 3 || i + subjectDigits >= text.Length || text[i + subjectDigits] != '.')
        {
            return null;
        }

        i += subjectDigits + 1;
        int detailDigits = CountDigits(text, i);
        if (detailDigits is < 1 or > 3)
        {
            return null;
        }

        i += detailDigits;
        if (i < text.Length && text[i] != ' ')
        {
            return null;
        }

        string enhanced = text[..i];
        text = i < text.Length ? text[(i + 1)..] : "";
        return enhanced;
    }

    private static int CountDigits(string text, int from)
    {
        int n = 0;
        while (from + n < text.Length && char.IsAsciiDigit(text[from + n]))
        {
            n++;
        }

        return n;
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken ct)
    {
        // Bytes are collected up to LF and decoded once, so a UTF-8 sequence split between reads stays intact.
        _line.SetLength(0);
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline >= 0 ? newline : _end;
            _line.Write(_buffer, _start, stop - _start);
            if (newline >= 0)
            {
                _start = newline + 1;
                int length = (int)_line.Length;
                byte[] bytes = _line.GetBuffer();
                if (length > 0 && bytes[length - 1] == (byte)'\r')
                {
                    length--;
                }

                // Replies are ASCII by RFC 5321; UTF-8 keeps any SMTPUTF8 text readable and never throws.
                return Encoding.UTF8.GetString(bytes, 0, length);
            }

            _start = _end = 0;
            if (_line.Length > MaxLineLength)
            {
                IsBroken = true;
                throw new SmtpException(SmtpErrorKind.ProtocolError, $"Reply line longer than {MaxLineLength} octets.");
            }

            _end = await transport.ReadAsync(_buffer, ct).ConfigureAwait(false);
        }
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "...";
}
