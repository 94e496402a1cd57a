// One mail transaction (MAIL FROM, RCPT TO..., DATA, content), pipelined when the server allows it.
using System.Buffers;
using Newsletter.Mail.Mime;

namespace Newsletter.Mail.Smtp;

/// <summary>Runs RFC 5321 §3.3 transactions with RFC 2920 pipelining and RSET after a failure.</summary>
internal static class SmtpTransaction
{
    private const int MaxRecipientsPerBatch = 100;

    public static async Task<SmtpSendResult> RunAsync(
        SmtpChannel channel, SmtpCapabilities caps, string envelopeFrom, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        bool needsUtf8 = false;
        string from = envelopeFrom.Length == 0 ? "" : ToEnvelopeAddress(envelopeFrom, ref needsUtf8);
        var paths = new string[recipients.Count];
        for (int i = 0; i < paths.Length; i++)
        {
            paths[i] = ToEnvelopeAddress(recipients[i] ?? throw new ArgumentException("A recipient is null.", nameof(recipients)), ref needsUtf8);
        }

        if (needsUtf8 && !caps.SmtpUtf8)
        {
            throw new SmtpException(SmtpErrorKind.NotSupported, "An envelope address has a non-ASCII local part but the server does not offer SMTPUTF8.");
        }

        if (caps.MaxSize > 0 && message.Length > caps.MaxSize)
        {
            throw new SmtpException(SmtpErrorKind.MessageTooLarge, $"The message is {message.Length} octets; the server accepts at most {caps.MaxSize} (RFC 1870).");
        }

        string mail = "MAIL FROM:<" + from + ">";
        if (caps.Size)
        {
            mail += " SIZE=" + message.Length;
        }

        if (caps.EightBitMime && message.Span.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            mail += " BODY=8BITMIME";
        }

        if (needsUtf8)
        {
            mail += " SMTPUTF8";
        }

        return caps.Pipelining
            ? await PipelinedAsync(channel, mail, recipients, paths, message, ct).ConfigureAwait(false)
            : await SequentialAsync(channel, mail, recipients, paths, message, ct).ConfigureAwait(false);
    }

    private static async Task<SmtpSendResult> PipelinedAsync(
        SmtpChannel channel, string mail, IReadOnlyList<string> recipients, string[] paths, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        // Batches are bounded so that a long recipient list cannot fill both sides' socket buffers with unread
        // replies and stall (RFC 2920 §3.1 warns about this deadlock).
        channel.Writer.Append(mail);
        SmtpReply? mailReply = null;
        SmtpReply? dataReply = null;
        var results = new SmtpRecipientResult[paths.Length];
        bool anyAccepted = false;
        for (int start = 0; start < paths.Length; start += MaxRecipientsPerBatch)
        {
            int end = Math.Min(paths.Length, start + MaxRecipientsPerBatch);
            for (int i = start; i < end; i++)
            {
                channel.Writer.Append("RCPT TO:<" + paths[i] + ">");
            }

            bool last = end == paths.Length;
            if (last)
            {
                channel.Writer.Append("DATA");
            }

            await channel.Writer.FlushAsync(ct).ConfigureAwait(false);
            mailReply ??= Checked(channel, await channel.ReadReplyAsync(ct).ConfigureAwait(false));
            for (int i = start; i < end; i++)
            {
                var reply = Checked(channel, await channel.ReadReplyAsync(ct).ConfigureAwait(false));
                results[i] = new SmtpRecipientResult(recipients[i], reply);
                anyAccepted |= reply.IsSuccess;
            }

            if (last)
            {
                dataReply = Checked(channel, await channel.ReadReplyAsync(ct).ConfigureAwait(false));
            }
        }

        if (mailReply is null || dataReply is null)
        {
            throw new InvalidOperationException("Internal error: pipelined transaction without replies.");
        }

        if (dataReply.Code == 354 && (!mailReply.IsSuccess || !anyAccepted))
        {
            // DATA was accepted although nothing can be delivered: end it empty (RFC 2920 §3.1), then reset.
            await channel.Transport.WriteAsync(".\r\n"u8.ToArray(), ct).ConfigureAwait(false);
            Checked(channel, await channel.ReadReplyAsync(ct).ConfigureAwait(false));
            await ResetAsync(channel, ct).ConfigureAwait(false);
            return new SmtpSendResult(false, mailReply, results, null);
        }

        if (!mailReply.IsSuccess || !anyAccepted)
        {
            await ResetAsync(channel, ct).ConfigureAwait(false);
            return new SmtpSendResult(false, mailReply, results, null);
        }

        if (dataReply.Code != 354)
        {
            await ResetAsync(channel, ct).ConfigureAwait(false);
            return new SmtpSendResult(false, mailReply, results, dataReply);
        }

        return await SendContentAsync(channel, mailReply, results, message, ct).ConfigureAwait(false);
    }

    private static async Task<SmtpSendResult> SequentialAsync(
        SmtpChannel channel, string mail, IReadOnlyList<string> recipients, string[] paths, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        var mailReply = Checked(channel, await channel.CommandAsync(mail, ct).ConfigureAwait(false));
        if (!mailReply.IsSuccess)
        {
            await ResetAsync(channel, ct).ConfigureAwait(false);
            return new SmtpSendResult(false, mailReply, [], null);
        }

        var results = new SmtpRecipientResult[paths.Length];
        bool anyAccepted = false;
        for (int i = 0; i < paths.Length; i++)
        {
            var reply = Checked(channel, await channel.CommandAsync("RCPT TO:<" + paths[i] + ">", ct).ConfigureAwait(false));
            results[i] = new SmtpRecipientResult(recipients[i], reply);
            anyAccepted |= reply.IsSuccess;
        }

        if (!anyAccepted)
        {
            await ResetAsync(channel, ct).ConfigureAwait(false);
            return new SmtpSendResult(false, mailReply, results, null);
        }

        var dataReply = Checked(channel, await channel.CommandAsync("DATA", ct).ConfigureAwait(false));
        if (dataReply.Code != 354)
        {
            await ResetAsync(channel, ct).ConfigureAwait(false);
            return new SmtpSendResult(false, mailReply, results, dataReply);
        }

        return await SendContentAsync(channel, mailReply, results, message, ct).ConfigureAwait(false);
    }

    private static async Task<SmtpSendResult> SendContentAsync(
        SmtpChannel channel, SmtpReply mailReply, SmtpRecipientResult[] results, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        byte[] encoded = DotStuffing.Encode(message.Span, out int length);
        try
        {
            // Content and terminator in one write: no small trailing segment left waiting on a delayed ACK.
            await channel.Transport.WriteAsync(encoded.AsMemory(0, length), ct).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }

        var final = Checked(channel, await channel.ReadReplyAsync(ct).ConfigureAwait(false));
        if (!final.IsSuccess)
        {
            await ResetAsync(channel, ct).ConfigureAwait(false);
        }

        return new SmtpSendResult(final.IsSuccess, mailReply, results, final);
    }

    /// <summary>RSET (RFC 5321 §4.1.1.5) so the next transaction starts clean; a refused RSET leaves the session unusable.</summary>
    private static async Task ResetAsync(SmtpChannel channel, CancellationToken ct)
    {
        var reply = Checked(channel, await channel.CommandAsync("RSET", ct).ConfigureAwait(false));
        if (!reply.IsSuccess)
        {
            channel.Transport.MarkBroken();
            throw new SmtpException(SmtpErrorKind.ProtocolError, $"RSET was refused ({reply}); the connection cannot be reused.", reply);
        }
    }

    // 421 means the server is closing the transmission channel (RFC 5321 §3.8), whatever command it answers.
    private static SmtpReply Checked(SmtpChannel channel, SmtpReply reply)
    {
        if (reply.Code == 421)
        {
            channel.Transport.MarkBroken();
            throw new SmtpException(SmtpErrorKind.TransientReply, $"The server is closing the connection: {reply}", reply);
        }

        return reply;
    }

    private static string ToEnvelopeAddress(string address, ref bool needsUtf8)
    {
        int at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.AsSpan().IndexOfAny("<> \t\r\n") >= 0)
        {
            throw new ArgumentException($"'{address}' is not a valid envelope address.", nameof(address));
        }

        string local = address[..at];
        if (local.Any(c => c > 0x7E))
        {
            needsUtf8 = true;
            return address;
        }

        return local + "@" + AddressFormatter.ToAsciiDomain(address[(at + 1)..]);
    }
}
