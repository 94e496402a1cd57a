// Chooses the transport named by the `transport` setting.
using System.Net;
using Newsletter.Configuration;
using Newsletter.Delivery.Smtp;

namespace Newsletter.Delivery.Transports;

/// <summary>
/// Creates the transport for a <c>transport</c> setting: <c>outbox:DIR</c>, <c>sendmail:PATH</c> (as many
/// processes at once as <c>smtp.connections</c>) or <c>smtp://HOST:PORT</c> (security, user name, SASL mechanism
/// and connection count from the <c>smtp</c> section; the password from <c>NEWSLETTER_SMTP_PASSWORD</c>, an OAuth 2.0
/// access token from <c>NEWSLETTER_SMTP_OAUTH_TOKEN</c> or <c>smtp.oauthTokenFile</c>).
/// </summary>
public static class TransportFactory
{
    /// <summary>Environment variable that holds the SMTP password.</summary>
    public const string PasswordVariable = "NEWSLETTER_SMTP_PASSWORD";

    /// <summary>Environment variable that holds an OAuth 2.0 access token for <c>XOAUTH2</c> or <c>OAUTHBEARER</c>.</summary>
    public const string OAuthTokenVariable = "NEWSLETTER_SMTP_OAUTH_TOKEN";

    /// <summary>Creates the configured transport.</summary>
    /// <param name="settings">The workspace settings.</param>
    /// <param name="configPath">The configuration file, named in errors.</param>
    /// <param name="protocolLog">Where SMTP conversations are logged, or null.</param>
    /// <exception cref="ConfigurationFileException">A transport or smtp setting is malformed or unsafe; the message names it.</exception>
    public static IDeliveryTransport Create(NewsletterSettings settings, string configPath, SmtpProtocolLog? protocolLog = null)
    {
        var transport = settings.Transport.Trim();
        if (transport.StartsWith("outbox:", StringComparison.OrdinalIgnoreCase) && transport.Length > "outbox:".Length)
            return new OutboxTransport(transport["outbox:".Length..]);
        if (transport.StartsWith("sendmail:", StringComparison.OrdinalIgnoreCase) && transport.Length > "sendmail:".Length)
            return new SendmailTransport(transport["sendmail:".Length..], settings.Smtp.Connections);
        if (transport.StartsWith("smtp://", StringComparison.OrdinalIgnoreCase))
            return new SmtpTransport(Endpoint(transport, settings.Smtp, configPath) with { ProtocolLog = protocolLog }, settings.Smtp.Connections);
        throw Error(configPath, "transport", $"must be 'outbox:DIR', 'smtp://HOST:PORT' or 'sendmail:PATH', not '{transport}'");
    }

    /// <summary>Reads the SMTP endpoint of an <c>smtp://HOST[:PORT]</c> transport setting and the <c>smtp</c> section.</summary>
    /// <exception cref="ConfigurationFileException">A setting is malformed or unsafe; the message names it.</exception>
    public static SmtpEndpoint Endpoint(string transport, SmtpSettings smtp, string configPath)
    {
        if (!Uri.TryCreate(transport, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.AbsolutePath.Trim('/').Length > 0)
            throw Error(configPath, "transport", $"'{transport}' is not an SMTP server address such as 'smtp://smtp.example.com:587'");
        var security = smtp.Security.Trim().ToLowerInvariant() switch
        {
            "none" => SmtpSecurity.None,
            "starttls" => SmtpSecurity.StartTls,
            "tls" => SmtpSecurity.Tls,
            _ => throw Error(configPath, "smtp.security", $"must be none, starttls or tls, not '{smtp.Security}'"),
        };
        if (smtp.Connections < 1) throw Error(configPath, "smtp.connections", $"must be 1 or more, not {smtp.Connections}");
        if (smtp.TimeoutSeconds < 1) throw Error(configPath, "smtp.timeoutSeconds", $"must be 1 or more, not {smtp.TimeoutSeconds}");
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (security == SmtpSecurity.Tls ? 465 : 25) : uri.Port;
        var authentication = Authentication(smtp, configPath);
        if (authentication is not null && security == SmtpSecurity.None && !IsLoopback(uri.Host))
            throw Error(configPath, "smtp.security", $"is none while smtp.username is set: the credentials would cross the network unencrypted to {uri.Host}; use starttls or tls");
        return new SmtpEndpoint(uri.Host, port, security)
        {
            Authentication = authentication,
            Timeout = TimeSpan.FromSeconds(smtp.TimeoutSeconds),
            AllowInvalidCertificate = smtp.AllowInvalidCertificate,
        };
    }

    private static SmtpAuthentication? Authentication(SmtpSettings smtp, string configPath)
    {
        if (string.IsNullOrWhiteSpace(smtp.Username)) return null;
        // Secrets are read at each connection, from the environment of the run that made the transport.
        var environment = RunEnvironment.Current;
        var mechanism = string.IsNullOrWhiteSpace(smtp.Auth) || smtp.Auth.Equals("auto", StringComparison.OrdinalIgnoreCase)
            ? null : smtp.Auth.Trim().ToUpperInvariant();
        if (mechanism is "XOAUTH2" or "OAUTHBEARER")
        {
            var file = smtp.OAuthTokenFile;
            if (environment.Variable(OAuthTokenVariable) is null && string.IsNullOrWhiteSpace(file))
                throw Error(configPath, "smtp.auth", $"is {mechanism} but no access token is given: set {OAuthTokenVariable} or smtp.oauthTokenFile");
            return new SmtpAuthentication(smtp.Username, mechanism, () => OAuthToken(environment, file, configPath));
        }
        return new SmtpAuthentication(smtp.Username, mechanism, () => environment.Variable(PasswordVariable) ?? "");
    }

    // Read at each connection: tokens expire within the hour and are refreshed in place by another program.
    private static string OAuthToken(RunEnvironment environment, string? file, string configPath)
    {
        if (environment.Variable(OAuthTokenVariable) is { Length: > 0 } token) return token.Trim();
        var path = Path.GetFullPath(file!, Path.GetDirectoryName(environment.FullPath(configPath))!);
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotSupportedException($"smtp.oauthTokenFile {path} cannot be read: {e.Message}");
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static ConfigurationFileException Error(string configPath, string setting, string message) =>
        new(configPath, 0, 0, $"'{setting}' {message}");
}
