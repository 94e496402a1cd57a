// Reads the configured From/Reply-To settings ("Name <address>") into MIME mailboxes.
using MimeKit;
using Newsletter.Audience;

namespace Newsletter.Delivery.Messages;

/// <summary>Parses a mailbox setting: <c>Display Name &lt;addr@example.com&gt;</c> or a bare address (RFC 5322 §3.4).</summary>
public static class MailboxParser
{
    /// <summary>Parses <paramref name="text"/>; the address is validated and normalised.</summary>
    /// <exception cref="FormatException">Not a mailbox.</exception>
    public static MailboxAddress Parse(string text)
    {
        text = text.Trim();
        var open = text.LastIndexOf('<');
        if (open < 0) return new MailboxAddress(null, EmailAddress.Normalize(text));
        if (!text.EndsWith('>')) throw new FormatException($"'{text}' is not a mailbox such as 'Name <news@example.com>'");
        var name = text[..open].Trim().Trim('"').Trim();
        return new MailboxAddress(name.Length == 0 ? null : name, EmailAddress.Normalize(text[(open + 1)..^1]));
    }
}
