// How an SMTP connection is protected.
namespace Newsletter.Delivery.Smtp;

/// <summary>The <c>smtp.security</c> setting.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain TCP (port 25 between servers, or a relay on the same machine).</summary>
    None,
    /// <summary>Plain TCP upgraded with STARTTLS before anything else is sent (RFC 3207); refused when the server does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (implicit TLS, RFC 8314 §3.3), usually port 465.</summary>
    Tls,
}
