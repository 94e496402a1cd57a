// Reads the bounce mailbox over IMAP or POP3 with MailKit, processes each message and moves or deletes it.
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Search;
using Newsletter.Configuration;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Fetches returned mail from the bounce mailbox. Each message is processed and only then moved to
/// <see cref="BounceSettings.ProcessedFolder"/> (IMAP, RFC 6851 MOVE or copy and expunge) or deleted (IMAP without a
/// processed folder, and POP3, where deletions take effect at QUIT). A run that stops half-way leaves the rest in
/// place, and reading a message again records nothing twice. Certificates are validated unless
/// <see cref="BounceSettings.AllowInvalidCertificate"/> is set. The password is never logged.
/// </summary>
public sealed class BounceFetcher(BounceMailbox mailbox, BounceSettings settings, string password)
{
    /// <summary>Processes every message in the mailbox; <paramref name="onOutcome"/> is called after each one.</summary>
    /// <exception cref="IOException">The server cannot be reached, refuses the login or the folder, or breaks the connection;
    /// the message names the mailbox (never the password).</exception>
    public async Task<BounceSummary> FetchAsync(BounceProcessor processor, Action<string, BounceOutcome>? onOutcome, CancellationToken cancellationToken)
    {
        var summary = new BounceSummary();
        try
        {
            if (mailbox.Protocol == MailboxProtocol.Imap) await FetchImap(processor, summary, onOutcome, cancellationToken);
            else await FetchPop3(processor, summary, onOutcome, cancellationToken);
        }
        catch (Exception e) when (e is MailKit.Security.AuthenticationException or ImapCommandException or ImapProtocolException
            or Pop3CommandException or Pop3ProtocolException or SocketException or System.Security.Authentication.AuthenticationException
            or MailKit.Security.SslHandshakeException or FolderNotFoundException or TimeoutException or IOException)
        {
            throw new IOException($"{mailbox}: {e.Message}", e);
        }
        return summary;
    }

    private async Task FetchImap(BounceProcessor processor, BounceSummary summary, Action<string, BounceOutcome>? onOutcome, CancellationToken cancellationToken)
    {
        using var client = new ImapClient { Timeout = TimeoutMilliseconds };
        await Connect(client, cancellationToken);
        var inbox = mailbox.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(mailbox.Folder, cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var processed = settings.Delete || string.IsNullOrWhiteSpace(settings.ProcessedFolder) ? null : await ProcessedFolder(client, cancellationToken);
        foreach (var uid in await inbox.SearchAsync(SearchQuery.NotDeleted, cancellationToken))
        {
            var message = await inbox.GetMessageAsync(uid, cancellationToken);
            var outcome = processor.Process(message);
            if (processed is not null) await inbox.MoveToAsync(uid, processed, cancellationToken);
            else await inbox.AddFlagsAsync(uid, MessageFlags.Deleted, silent: true, cancellationToken);
            summary.Add(outcome);
            onOutcome?.Invoke($"{mailbox.Folder}/{uid}", outcome);
        }
        if (processed is null) await inbox.ExpungeAsync(cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task<IMailFolder> ProcessedFolder(ImapClient client, CancellationToken cancellationToken)
    {
        var name = settings.ProcessedFolder!.Trim();
        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new FolderNotFoundException(name);
        }
    }

    private async Task FetchPop3(BounceProcessor processor, BounceSummary summary, Action<string, BounceOutcome>? onOutcome, CancellationToken cancellationToken)
    {
        using var client = new Pop3Client { Timeout = TimeoutMilliseconds };
        await Connect(client, cancellationToken);
        var count = await client.GetMessageCountAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var message = await client.GetMessageAsync(i, cancellationToken);
            var outcome = processor.Process(message);
            await client.DeleteMessageAsync(i, cancellationToken);
            summary.Add(outcome);
            onOutcome?.Invoke($"pop3/{i + 1}", outcome);
        }
        // Deletions are carried out when the session ends with QUIT (RFC 1939 §6).
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    // A zero or negative setting would make every read time out at once; one second is the least that can work.
    private int TimeoutMilliseconds => Math.Max(1, settings.TimeoutSeconds) * 1000;

    private async Task Connect(MailService client, CancellationToken cancellationToken)
    {
        if (settings.AllowInvalidCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        await client.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security, cancellationToken);
        await client.AuthenticateAsync(mailbox.User, password, cancellationToken);
    }
}
