// The bounce mailbox named by `bounces.mailbox`: an IMAP folder or a POP3 maildrop, with how to reach it.
using System.Diagnostics.CodeAnalysis;
using MailKit.Security;
using Newsletter.Configuration;

namespace Newsletter.Delivery.Bounces;

/// <summary>Whether the bounce mailbox is read over IMAP or POP3.</summary>
public enum MailboxProtocol
{
    /// <summary>IMAP4rev1 (RFC 3501): processed mail is moved to a folder or deleted.</summary>
    Imap,
    /// <summary>POP3 (RFC 1939): processed mail is deleted.</summary>
    Pop3,
}

/// <summary>
/// A parsed <c>bounces.mailbox</c> URL: <c>imap[s]://user@host[:port][/folder]</c> or <c>pop3[s]://user@host[:port]</c>.
/// The password is never part of it; it comes from <see cref="PasswordVariable"/>.
/// </summary>
/// <param name="Protocol">IMAP or POP3.</param>
/// <param name="Host">Server host name or address.</param>
/// <param name="Port">TCP port (default 143, 993, 110 or 995 by scheme).</param>
/// <param name="User">Login name, percent-decoded.</param>
/// <param name="Folder">IMAP folder to read (default <c>INBOX</c>); unused for POP3.</param>
/// <param name="Security">Implicit TLS (RFC 8314), STARTTLS (RFC 2595) or none.</param>
public sealed record BounceMailbox(MailboxProtocol Protocol, string Host, int Port, string User, string Folder, SecureSocketOptions Security)
{
    /// <summary>The environment variable holding the mailbox password.</summary>
    public const string PasswordVariable = "NEWSLETTER_BOUNCES_PASSWORD";

    /// <summary>The address without the user name, for messages: <c>imaps://host:993/INBOX</c>.</summary>
    public override string ToString() =>
        $"{(Protocol == MailboxProtocol.Imap ? "imap" : "pop3")}{(Security == SecureSocketOptions.SslOnConnect ? "s" : "")}://{Host}:{Port}" +
        (Protocol == MailboxProtocol.Imap ? "/" + Folder : "");

    /// <summary>Reads the mailbox from the settings.</summary>
    /// <exception cref="InputException">The URL or the security setting is malformed, or holds a password; the message says which.</exception>
    public static BounceMailbox From(BounceSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Mailbox))
            throw new InputException("bounces.mailbox is not set; give it as imaps://user@host:993/INBOX or pop3s://user@host:995");
        if (!TryParse(settings.Mailbox, settings.Security, out var mailbox, out var reason))
            throw new InputException($"bounces.mailbox '{Redacted(settings.Mailbox)}': {reason}");
        return mailbox;
    }

    /// <summary>Parses a mailbox URL and an optional <c>security</c> setting (<c>tls</c>, <c>starttls</c>, <c>none</c>).</summary>
    public static bool TryParse(string url, string? security, [NotNullWhen(true)] out BounceMailbox? mailbox, [NotNullWhen(false)] out string? reason)
    {
        mailbox = null;
        reason = null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            reason = "not a URL such as imaps://user@host:993/INBOX";
        else if (uri.Scheme is not ("imap" or "imaps" or "pop3" or "pop3s" or "pop"))
            reason = $"the scheme '{uri.Scheme}' is not imap, imaps, pop3 or pop3s";
        else if (uri.UserInfo.Contains(':'))
            reason = $"it holds a password; put the password in {PasswordVariable} instead";
        else if (uri.UserInfo.Length == 0)
            reason = "it names no user (imaps://user@host/...)";
        if (reason is not null) return false;
        var imap = uri!.Scheme.StartsWith("imap", StringComparison.Ordinal);
        var implicitTls = uri.Scheme.EndsWith('s') && uri.Scheme != "pop3" || uri.Scheme == "pop3s";
        var options = (security ?? "").Trim().ToLowerInvariant() switch
        {
            "" => implicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            "none" => SecureSocketOptions.None,
            _ => (SecureSocketOptions?)null,
        };
        if (options is null)
        {
            reason = $"bounces.security '{security}' is not tls, starttls or none";
            return false;
        }
        var port = uri.IsDefaultPort || uri.Port <= 0
            ? (imap, options == SecureSocketOptions.SslOnConnect) switch { (true, true) => 993, (true, false) => 143, (false, true) => 995, _ => 110 }
            : uri.Port;
        var folder = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        mailbox = new BounceMailbox(imap ? MailboxProtocol.Imap : MailboxProtocol.Pop3, uri.Host, port, Uri.UnescapeDataString(uri.UserInfo),
            folder.Length == 0 ? "INBOX" : folder, options.Value);
        return true;
    }

    // A URL as written may hold a password by mistake; error messages never repeat it.
    private static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':')
            ? url.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':')] + ":***", StringComparison.Ordinal)
            : url;
}
