// The mailbox value type used in From, To and Reply-To headers.
namespace Newsletter.Mail.Mime;

/// <summary>
/// A mailbox as written in an address header (RFC 5322 §3.4): an addr-spec with an optional display name.
/// </summary>
/// <param name="Address">
/// The addr-spec, shape <c>local-part@domain</c>. The local part must be ASCII; the domain may be an
/// internationalised domain name, which is written in its punycode (A-label) form per RFC 5890/5891.
/// </param>
/// <param name="DisplayName">
/// Optional human-readable name, any Unicode text. Written as atoms, a quoted-string or RFC 2047
/// encoded-words as needed; line breaks in it are replaced by spaces.
/// </param>
public sealed record MailAddress(string Address, string? DisplayName = null);
