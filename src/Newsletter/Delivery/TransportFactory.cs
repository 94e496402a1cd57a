// Chooses the transport named by the `transport` setting.
using Newsletter.Configuration;

namespace Newsletter.Delivery;

/// <summary>
/// Creates the transport for a <c>transport</c> setting: <c>outbox:DIR</c>, <c>sendmail:PATH</c> (as many
/// processes at once as <c>smtp.connections</c>) or <c>smtp://HOST:PORT</c>
/// (security, user name and connection count from the <c>smtp</c> section; password from
/// <c>NEWSLETTER_SMTP_PASSWORD</c>).
/// </summary>
public static class TransportFactory
{
    /// <summary>Environment variable that holds the SMTP password.</summary>
    public const string PasswordVariable = "NEWSLETTER_SMTP_PASSWORD";

    /// <summary>Creates the configured transport.</summary>
    /// <exception cref="ConfigurationFileException">The setting names no known transport.</exception>
    public static IMailTransport Create(NewsletterSettings settings, string configPath)
    {
        var transport = settings.Transport.Trim();
        if (transport.StartsWith("outbox:", StringComparison.OrdinalIgnoreCase))
            return new OutboxTransport(transport["outbox:".Length..]);
        if (transport.StartsWith("sendmail:", StringComparison.OrdinalIgnoreCase))
            return new SendmailTransport(transport["sendmail:".Length..], settings.Smtp.Connections);
        if (transport.StartsWith("smtp://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(transport, UriKind.Absolute, out var uri))
            return new SmtpMailTransport(uri.Host, uri.Port > 0 ? uri.Port : 25, settings.Smtp, Environment.GetEnvironmentVariable(PasswordVariable));
        throw new ConfigurationFileException(configPath, 0, 0,
            $"'transport' must be 'outbox:DIR', 'smtp://HOST:PORT' or 'sendmail:PATH', not '{transport}'");
    }
}
