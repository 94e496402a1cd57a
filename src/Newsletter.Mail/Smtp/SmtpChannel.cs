// One open SMTP connection: transport plus the reply reader and command writer bound to it.
namespace Newsletter.Mail.Smtp;

/// <summary>Groups the per-connection objects and offers the basic command/reply exchange.</summary>
internal sealed class SmtpChannel : IAsyncDisposable
{
    public SmtpChannel(SmtpTransport transport)
    {
        Transport = transport;
        Reader = new SmtpReplyReader(transport);
        Writer = new SmtpCommandWriter(transport);
    }

    public SmtpTransport Transport { get; }

    public SmtpReplyReader Reader { get; }

    public SmtpCommandWriter Writer { get; }

    public bool IsBroken => Transport.IsBroken || Reader.IsBroken;

    /// <summary>Sends one command and reads its reply.</summary>
    public async ValueTask<SmtpReply> CommandAsync(string command, CancellationToken ct)
    {
        Writer.Append(command);
        await Writer.FlushAsync(ct).ConfigureAwait(false);
        return await Reader.ReadReplyAsync(ct).ConfigureAwait(false);
    }

    public ValueTask<SmtpReply> ReadReplyAsync(CancellationToken ct) => Reader.ReadReplyAsync(ct);

    public ValueTask DisposeAsync() => Transport.DisposeAsync();
}
