// Connection settings for SmtpClient and SmtpConnectionPool.
using System.Net.Security;

namespace Newsletter.Mail.Smtp;

/// <summary>Settings for one SMTP submission endpoint (RFC 5321, RFC 6409).</summary>
public sealed class SmtpClientOptions
{
    /// <summary>Server host name or IP address. Also the name the TLS certificate is checked against.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>TCP port, 1-65535; usually 587 (StartTls), 465 (Tls) or 25.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Transport security; defaults to <see cref="SmtpSecurity.StartTls"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>User name for AUTH (RFC 4954); <see langword="null"/> to skip authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for AUTH; used only when <see cref="UserName"/> is set.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The name sent in EHLO/HELO (RFC 5321 §4.1.1.1): the sending host's fully qualified domain name or an address
    /// literal. Defaults to this machine's host name.
    /// </summary>
    public string LocalDomain { get; set; } = SafeHostName();

    /// <summary>Time limit for connecting and for every single read and write, e.g. 30 s. Must be positive.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether the server certificate's revocation status is checked during the TLS handshake.</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    /// <summary>
    /// Custom server certificate validation; <see langword="null"/> (the default) uses the system's validation, which
    /// rejects untrusted, expired and wrong-name certificates. A callback can pin a self-signed certificate.
    /// </summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    /// <summary>
    /// Allow AUTH on a connection without TLS; off by default so a password is never sent in clear text
    /// (RFC 4954 §4 advises against it). Only for local relays and tests.
    /// </summary>
    public bool AllowAuthenticationWithoutTls { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("Host is required.", nameof(Host));
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException("Port must be between 1 and 65535.", nameof(Port));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("Timeout must be positive.", nameof(Timeout));
        }

        if (string.IsNullOrWhiteSpace(LocalDomain) || LocalDomain.Any(c => c <= ' ' || c > '~'))
        {
            throw new ArgumentException("LocalDomain must be a non-empty ASCII domain or address literal.", nameof(LocalDomain));
        }
    }

    private static string SafeHostName()
    {
        try
        {
            string name = System.Net.Dns.GetHostName();
            return string.IsNullOrWhiteSpace(name) ? "localhost" : name;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}
