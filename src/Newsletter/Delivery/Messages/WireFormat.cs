// The one set of MimeKit format options every serialisation of a message uses, so signed bytes stay signed.
using MimeKit;

namespace Newsletter.Delivery.Messages;

/// <summary>
/// How messages are written everywhere (outbox, <c>render</c>, sendmail, DKIM signing): CRLF line ends
/// (RFC 5322 §2.1), no SMTPUTF8 header forms (non-ASCII header text is RFC 2047-encoded, domains punycode).
/// </summary>
public static class WireFormat
{
    /// <summary>The shared options; not to be changed (clone them to vary).</summary>
    public static FormatOptions Options { get; } = Create(NewLineFormat.Dos);

    /// <summary>The same with LF line ends, the convention of local submission to a sendmail program.</summary>
    public static FormatOptions LocalOptions { get; } = Create(NewLineFormat.Unix);

    /// <summary>Writes <paramref name="message"/> in the wire format.</summary>
    /// <param name="message">The message.</param>
    /// <param name="stream">Destination; written, not flushed or closed.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static Task WriteAsync(MimeMessage message, Stream stream, CancellationToken cancellationToken) =>
        message.WriteToAsync(Options, stream, cancellationToken);

    /// <summary>Returns <paramref name="message"/> as bytes in the wire format.</summary>
    /// <param name="message">The message.</param>
    public static byte[] ToBytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(Options, buffer);
        return buffer.ToArray();
    }

    private static FormatOptions Create(NewLineFormat newLines)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = newLines;
        options.EnsureNewLine = true;
        options.International = false;
        return options;
    }
}
