// Reads the configured From/Reply-To settings ("Name <address>") into MIME mailboxes.
using MimeKit;
using Newsletter.Audience;

namespace Newsletter.Delivery.Messages;

/// <summary>
/// Parses a mailbox setting: <c>Display Name &lt;addr@example.com&gt;</c>, <c>"Last, First" &lt;addr@example.com&gt;</c> or a
/// bare address (RFC 5322 §3.4, read by MimeKit's parser); the address is then checked and its domain punycoded.
/// </summary>
public static class MailboxParser
{
    /// <summary>Parses <paramref name="text"/>; the address is validated and normalised.</summary>
    /// <exception cref="InputException">Not a mailbox.</exception>
    public static MailboxAddress Parse(string text)
    {
        if (!MailboxAddress.TryParse(text.Trim(), out var mailbox) || mailbox.Route.Count > 0)
            throw new InputException($"'{text}' is not a mailbox such as 'Name <news@example.com>'");
        return new MailboxAddress(string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim(), EmailAddress.Normalize(mailbox.Address));
    }
}
