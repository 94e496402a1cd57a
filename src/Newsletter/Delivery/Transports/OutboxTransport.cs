// The embedded default transport: one RFC 5322 .eml file per delivery, written atomically.
using MimeKit;
using Newsletter.Configuration;
using Newsletter.Delivery.Messages;
using Newsletter.Storage;

namespace Newsletter.Delivery.Transports;

/// <summary>
/// Writes each message to <c>DIR/ISSUE-SLUG/MESSAGE-ID.eml</c> (any mail client opens them) exactly as MimeKit
/// writes it in the <see cref="WireFormat"/> (CRLF). The file appears whole or not at all: it is written under a
/// temporary name and renamed, and a failed write leaves no temporary file behind. Folders are created 0700 and
/// files 0600 (<see cref="PrivateFiles"/>), since each message holds an address and working personal links.
/// </summary>
public sealed class OutboxTransport(string directory) : IDeliveryTransport
{
    /// <summary>The outbox folder.</summary>
    public string Directory { get; } = RunEnvironment.Current.FullPath(directory);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new();

    /// <inheritdoc />
    public string Description => $"outbox {Directory}";

    /// <inheritdoc />
    public int Concurrency => Math.Max(2, Environment.ProcessorCount);

    /// <inheritdoc />
    public async Task<TransportResult> SendAsync(string envelopeFrom, string recipient, MimeMessage message, CancellationToken cancellationToken)
    {
        var messageId = message.MessageId ?? throw new ArgumentException("a message for the outbox needs a Message-ID", nameof(message));
        var folder = Path.Combine(Directory, FolderOf(messageId));
        // Messages hold addresses and working personal links: owner-only folders and files.
        _folders.GetOrAdd(folder, created => PrivateFiles.CreateDirectory(created).Exists);
        var file = Path.Combine(folder, SafeName(messageId) + ".eml");
        var temporary = file + ".tmp";
        try
        {
            await using (var stream = PrivateFiles.CreateFile(temporary, FileMode.Create))
            {
                await WireFormat.WriteAsync(message, stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
            File.Move(temporary, file, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return TransportResult.Accepted;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // Message-IDs are "slug.subscriber@domain": the slug names the folder.
    private static string FolderOf(string messageId)
    {
        var local = messageId.Split('@')[0];
        var dot = local.LastIndexOf('.');
        return SafeName(dot > 0 ? local[..dot] : "messages");
    }

    private static string SafeName(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' ? c : '_').ToArray());
}
