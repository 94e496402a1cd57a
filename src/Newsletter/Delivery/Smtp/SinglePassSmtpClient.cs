// MailKit's SMTP client, adjusted so that each message is serialised once, straight onto the connection.
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Newsletter.Delivery.Smtp;

/// <summary>
/// A <see cref="SmtpClient"/> that never measures a message before sending it. MailKit measures (serialises the
/// whole message into a counting stream) whenever the server offers SIZE, only to write <c>SIZE=</c> on MAIL FROM
/// (RFC 1870); our messages are checked against the 102 KB clipping limit before a send starts, so the declaration
/// buys nothing and doubled the client's work. A server that still finds a message too big refuses it at the end of
/// DATA (552), which fails that delivery only. CHUNKING (BDAT), which needs the size, is never used: every part is
/// 7-bit, so BINARYMIME is never required.
/// </summary>
internal sealed class SinglePassSmtpClient(IProtocolLogger logger) : SmtpClient(logger)
{
    protected override bool PreferSendAsBinaryData => false;

    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) => -1;

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(-1L);
}
