// A throw-away self-signed certificate for 127.0.0.1, written as PEM files for the Python server.
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Newsletter.Integration.Tests.Peers;

public sealed class TestCertificate : IDisposable
{
    private readonly string _directory;

    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        _directory = Path.Combine(Path.GetTempPath(), "newsletter-peers", "cert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        CertPath = Path.Combine(_directory, "cert.pem");
        KeyPath = Path.Combine(_directory, "key.pem");
        File.WriteAllText(CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertPath { get; }

    public string KeyPath { get; }

    public string Thumbprint { get; }

    /// <summary>Trusts exactly this certificate, whatever the chain says (it is self-signed).</summary>
    public RemoteCertificateValidationCallback Pin =>
        (_, cert, _, _) => cert is not null && cert.GetCertHashString(HashAlgorithmName.SHA256) == Thumbprint;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
