// How the SMTP connection is protected.
namespace Newsletter.Mail.Smtp;

/// <summary>Transport security for an SMTP session.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain TCP, no TLS. Only for local relays and tests.</summary>
    None,

    /// <summary>Plain TCP upgraded with the STARTTLS command (RFC 3207) before authenticating; fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>Implicit TLS from the first byte (RFC 8314 §3.3, "submissions", usually port 465).</summary>
    Tls,
}
