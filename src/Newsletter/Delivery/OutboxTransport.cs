// The embedded default transport: one RFC 5322 .eml file per delivery, written atomically.
using Newsletter.Mail.Mime;

namespace Newsletter.Delivery;

/// <summary>
/// Writes each message to <c>DIR/ISSUE-SLUG/MESSAGE-ID.eml</c> (any mail client opens them). The file appears
/// whole or not at all: it is written under a temporary name and renamed.
/// </summary>
public sealed class OutboxTransport(string directory) : IMailTransport
{
    /// <summary>The outbox folder.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <inheritdoc />
    public string Description => $"outbox {Directory}";

    /// <inheritdoc />
    public int Concurrency => Math.Max(2, Environment.ProcessorCount);

    /// <inheritdoc />
    public async Task<TransportResult> SendAsync(string envelopeFrom, string recipient, EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Directory, FolderOf(message.MessageId));
        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, SafeName(message.MessageId) + ".eml");
        var temporary = file + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            MimeWriter.Write(message, stream);
            await stream.FlushAsync(cancellationToken);
        }
        File.Move(temporary, file, overwrite: true);
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
