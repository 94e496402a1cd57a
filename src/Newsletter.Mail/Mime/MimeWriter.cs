// Serialises an EmailMessage into RFC 5322 / MIME bytes: top-level headers, then the body part tree.
using System.Globalization;

namespace Newsletter.Mail.Mime;

/// <summary>
/// Writes <see cref="EmailMessage"/> values as RFC 5322 messages with MIME bodies (RFC 2045, 2046, 2047, 2231, 2387):
/// CRLF line ends, header lines folded at 78 columns and never over 998 octets, 7-bit output only
/// (quoted-printable text, base64 binary), so the bytes can be sent to any SMTP server without 8BITMIME.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed class MimeWriter
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Message-ID", "Subject", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-ID", "Content-Disposition",
    };

    private readonly Func<int, string> _boundaryFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a writer.</summary>
    /// <param name="boundaryFactory">
    /// Optional boundary source, given the nesting depth (0 for the outermost multipart); results must start with
    /// <c>=_</c> and be valid RFC 2046 boundaries. Defaults to 32 random alphanumerics. Useful for reproducible output.
    /// </param>
    /// <param name="timeProvider">Clock used when <see cref="EmailMessage.Date"/> is left at its default; defaults to the system clock.</param>
    public MimeWriter(Func<int, string>? boundaryFactory = null, TimeProvider? timeProvider = null)
    {
        _boundaryFactory = boundaryFactory ?? MimeBoundary.NewRandom;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The shared writer with random boundaries and the system clock.</summary>
    public static MimeWriter Default { get; } = new();

    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/> with <see cref="Default"/> as RFC 5322 bytes with CRLF line ends.</summary>
    /// <param name="message">The message to serialise.</param>
    /// <param name="output">A writable stream; it is written once and not flushed or closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The message cannot be represented: a bad address, header name, Message-ID, Content-ID or media type; a reserved
    /// name among the extra headers; a non-ASCII URL in an extra header; an extra header word too long for a 998-octet
    /// line; no recipient; inline resources without an HTML body.
    /// </exception>
    public static void Write(EmailMessage message, Stream output) => Default.WriteTo(message, output);

    /// <summary>Returns <paramref name="message"/> as RFC 5322 bytes with CRLF line ends, using <see cref="Default"/>.</summary>
    /// <param name="message">The message to serialise.</param>
    /// <returns>The complete message, headers and body, 7-bit ASCII, ending with CRLF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException">The message cannot be represented; see <see cref="Write"/>.</exception>
    public static byte[] ToBytes(EmailMessage message) => Default.GetBytes(message);

    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/> as RFC 5322 bytes with CRLF line ends.</summary>
    /// <param name="message">The message to serialise.</param>
    /// <param name="output">A writable stream; it is written once and not flushed or closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The message cannot be represented; see <see cref="Write"/>.</exception>
    public void WriteTo(EmailMessage message, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = Build(message);
        output.Write(buffer.WrittenSpan);
    }

    /// <summary>Returns <paramref name="message"/> as RFC 5322 bytes with CRLF line ends.</summary>
    /// <param name="message">The message to serialise.</param>
    /// <returns>The complete message, 7-bit ASCII, ending with CRLF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException">The message cannot be represented; see <see cref="Write"/>.</exception>
    public byte[] GetBytes(EmailMessage message) => Build(message).ToArray();

    private MimeOutput Build(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.From);
        ArgumentNullException.ThrowIfNull(message.To);
        if (message.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one To recipient.", nameof(message));
        }

        var resources = message.InlineResources ?? [];
        if (resources.Count > 0 && message.HtmlBody is null)
        {
            throw new ArgumentException("Inline resources need an HTML body to reference them.", nameof(message));
        }

        int estimate = 2048 + ((message.TextBody?.Length ?? 0) + (message.HtmlBody?.Length ?? 0)) * 3 / 2;
        foreach (var resource in resources)
        {
            estimate += resource.Content.Length * 4 / 3 + 512;
        }

        var output = new MimeOutput(estimate);
        WriteTopHeaders(message, output);
        HeaderFolding.WriteSimple(output, "MIME-Version", "1.0");
        new BodyWriter(output, _boundaryFactory).WriteBody(message.TextBody, message.HtmlBody, resources);
        if (!output.EndsWithCrlf)
        {
            output.Crlf();
        }

        return output;
    }

    private void WriteTopHeaders(EmailMessage message, MimeOutput output)
    {
        var date = message.Date == default ? _timeProvider.GetUtcNow() : message.Date;
        HeaderFolding.WriteSimple(output, "Date", FormatDate(date));

        var from = new List<HeaderSegment>();
        AddressFormatter.AppendMailbox(from, message.From, trailingComma: false);
        HeaderFolding.Write(output, "From", from);

        if (message.ReplyTo is not null)
        {
            var replyTo = new List<HeaderSegment>();
            AddressFormatter.AppendMailbox(replyTo, message.ReplyTo, trailingComma: false);
            HeaderFolding.Write(output, "Reply-To", replyTo);
        }

        var to = new List<HeaderSegment>();
        for (int i = 0; i < message.To.Count; i++)
        {
            AddressFormatter.AppendMailbox(to, message.To[i], trailingComma: i < message.To.Count - 1);
        }

        HeaderFolding.Write(output, "To", to);
        HeaderFolding.WriteSimple(output, "Message-ID", "<" + MessageIdFactory.Normalise(message.MessageId) + ">");
        HeaderWriter.WriteUnstructured(output, "Subject", message.Subject ?? "", freeText: true);

        foreach (var header in message.Headers ?? [])
        {
            HeaderWriter.ValidateName(header.Key);
            if (ReservedHeaders.Contains(header.Key))
            {
                throw new ArgumentException($"Header '{header.Key}' is written from the message properties and cannot be added as an extra header.", nameof(message));
            }

            HeaderWriter.WriteUnstructured(output, header.Key, header.Value ?? "", freeText: false);
        }
    }

    /// <summary>RFC 5322 §3.3 date-time, e.g. <c>Fri, 20 Nov 2026 09:30:00 +0100</c>.</summary>
    internal static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        char sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, d MMM yyyy HH':'mm':'ss ", CultureInfo.InvariantCulture)
            + sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }
}
