// Which SASL mechanism an SMTP connection authenticates with, and where its secret comes from.
using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Newsletter.Delivery.Smtp;

/// <summary>
/// SMTP AUTH (RFC 4954). With a password, MailKit picks the strongest SASL mechanism both sides support
/// (SCRAM-SHA-256, SCRAM-SHA-1, NTLM, CRAM-MD5, PLAIN, LOGIN, ...) unless <see cref="Mechanism"/> names one. With an
/// OAuth 2.0 access token, <c>XOAUTH2</c> (Google, Microsoft 365) or <c>OAUTHBEARER</c> (RFC 7628). The secret is
/// read when a connection is opened, so a token refreshed in its file is picked up by the next connection; it is
/// never logged (MailKit's protocol log redacts it).
/// </summary>
/// <param name="UserName">The account name.</param>
/// <param name="Mechanism">A SASL mechanism name (e.g. <c>PLAIN</c>, <c>XOAUTH2</c>); null to let MailKit choose.</param>
/// <param name="Secret">Returns the password or the access token.</param>
public sealed record SmtpAuthentication(string UserName, string? Mechanism, Func<string> Secret)
{
    /// <summary>Whether <see cref="Secret"/> is an OAuth 2.0 access token rather than a password.</summary>
    public bool IsOAuth => Mechanism is "XOAUTH2" or "OAUTHBEARER";

    /// <summary>Authenticates <paramref name="client"/>, which is connected.</summary>
    /// <exception cref="AuthenticationException">The server refused the credentials.</exception>
    /// <exception cref="NotSupportedException">The server offers no AUTH, or not the mechanism named.</exception>
    public Task AuthenticateAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            throw new NotSupportedException("the SMTP server offers no AUTH, but smtp.username is set");
        var credential = new NetworkCredential(UserName, Secret());
        if (Mechanism is null) return client.AuthenticateAsync(credential, cancellationToken);
        if (!client.AuthenticationMechanisms.Contains(Mechanism))
            throw new NotSupportedException($"the SMTP server does not offer AUTH {Mechanism} (it offers {string.Join(", ", client.AuthenticationMechanisms)})");
        SaslMechanism sasl = Mechanism switch
        {
            "XOAUTH2" => new SaslMechanismOAuth2(credential),
            "OAUTHBEARER" => new SaslMechanismOAuthBearer(credential),
            _ => SaslMechanism.Create(Mechanism, credential)
                ?? throw new NotSupportedException($"smtp.auth names '{Mechanism}', a SASL mechanism this program does not know"),
        };
        return client.AuthenticateAsync(sasl, cancellationToken);
    }
}
