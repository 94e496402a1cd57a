// Everything one SMTP connection needs: where, how protected, who we are, and what to log.
namespace Newsletter.Delivery.Smtp;

/// <summary>Settings for every connection of an <see cref="SmtpConnectionPool"/>.</summary>
/// <param name="Host">Server host name or address; certificates are checked against it.</param>
/// <param name="Port">TCP port, 1 to 65535.</param>
/// <param name="Security">How the connection is protected.</param>
public sealed record SmtpEndpoint(string Host, int Port, SmtpSecurity Security)
{
    /// <summary>Credentials, or null to send without AUTH.</summary>
    public SmtpAuthentication? Authentication { get; init; }

    /// <summary>Limit of connecting and of every read and write.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Accept any server certificate. For test servers only, never for real mail.</summary>
    public bool AllowInvalidCertificate { get; init; }

    /// <summary>The name we give in EHLO (RFC 5321 §4.1.1.1), or null for this machine's host name.</summary>
    public string? LocalDomain { get; init; }

    /// <summary>Records every connection's conversation (AUTH secrets redacted), or null.</summary>
    public SmtpProtocolLog? ProtocolLog { get; init; }

    /// <summary>For messages: <c>HOST:PORT</c>.</summary>
    public override string ToString() => $"{Host}:{Port}";
}
