// The bounce pipeline for one message: parse it, tie it to a delivery, record it once, suppress when due.
using System.Security.Cryptography;
using MimeKit;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Parses each returned message with <see cref="BounceParser"/> and records it with <see cref="BounceRecorder"/>.
/// Safe to run over the same mail again: a report is keyed by its own Message-ID, or by the SHA-256 of its content
/// when it has none, and recorded once.
/// </summary>
public sealed class BounceProcessor(BounceParser parser, BounceRecorder recorder)
{
    /// <summary>Processes one message.</summary>
    /// <exception cref="System.Data.Common.DbException">The database cannot be written; nothing of this report was recorded.</exception>
    public BounceOutcome Process(MimeMessage message)
    {
        var report = parser.Parse(message);
        return recorder.Record(report, report.ReportMessageId ?? ContentKey(message));
    }

    /// <summary>Reads one message (RFC 5322, LF or CRLF line endings) from <paramref name="stream"/> and processes it.</summary>
    /// <exception cref="InputException">The stream holds no message headers.</exception>
    public BounceOutcome Process(Stream stream) => Process(Load(stream));

    /// <summary>Parses a message (RFC 5322) as MimeKit reads it.</summary>
    /// <exception cref="InputException">The input is empty or does not start with mail headers.</exception>
    public static MimeMessage Load(Stream stream)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(stream);
        }
        catch (FormatException e)
        {
            // MimeKit's own parse error (documented as FormatException): the file a person handed in is not mail.
            throw new InputException("not a mail message: " + e.Message, e);
        }
        // MimeKit accepts almost anything; a report always has a sender and a date or a Message-ID.
        if (!message.Headers.Contains(HeaderId.From) && !message.Headers.Contains(HeaderId.MessageId) && !message.Headers.Contains(HeaderId.Date))
            throw new InputException("not a mail message: line 1 does not start its headers (no From, Date or Message-ID header)");
        return message;
    }

    // A report without a Message-ID is known by its bytes: the same mail read again has the same key, whether it
    // comes from a file with LF line ends or from IMAP or POP3 with CRLF.
    private static string ContentKey(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        var bytes = buffer.ToArray().Where(b => b != (byte)'\r').ToArray();
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
