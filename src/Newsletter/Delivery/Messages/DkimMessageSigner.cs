// Signs outgoing messages with DKIM so that the one-click unsubscribe headers count (RFC 8058 §4).
using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;

namespace Newsletter.Delivery.Messages;

/// <summary>
/// Adds a <c>DKIM-Signature</c> (RFC 6376, rsa-sha256, relaxed/relaxed) covering From, To, Subject, Date,
/// Message-ID, List-Unsubscribe, List-Unsubscribe-Post, List-Id and Feedback-ID: RFC 8058 §4 asks that a DKIM
/// signature cover both one-click headers. The private key is read once from a PEM file (PKCS#1 or PKCS#8) and
/// is never printed. Thread-safe.
/// </summary>
public sealed class DkimMessageSigner
{
    /// <summary>The header fields every signature covers, in this order; absent ones are signed as absent (RFC 6376 §5.4).</summary>
    public static readonly IReadOnlyList<string> SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id", "Feedback-ID"];

    private readonly RsaDkimSigner _signer;
    private readonly string[] _headers = [.. SignedHeaders];

    /// <summary>Loads the signing key.</summary>
    /// <param name="domain">The signing domain (<c>d=</c>), normally the From address's domain.</param>
    /// <param name="selector">The selector (<c>s=</c>): the public key is published at <c>SELECTOR._domainkey.DOMAIN</c>.</param>
    /// <param name="privateKeyFile">PEM file holding the RSA private key.</param>
    /// <exception cref="FileNotFoundException">The key file does not exist.</exception>
    /// <exception cref="CryptographicException">The file holds no RSA private key.</exception>
    /// <exception cref="ArgumentException">The domain or selector is empty.</exception>
    public DkimMessageSigner(string domain, string selector, string privateKeyFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        var pem = File.ReadAllText(privateKeyFile);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 1024) throw new CryptographicException($"the DKIM key in {privateKeyFile} has {rsa.KeySize} bits; use 1024 or more (2048 is usual)");
            _signer = new RsaDkimSigner(rsa, domain, selector);
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new CryptographicException($"{privateKeyFile} holds no RSA private key in PEM form ({e.Message})", e);
        }
        Domain = domain;
        Selector = selector;
    }

    /// <summary>The signing domain.</summary>
    public string Domain { get; }

    /// <summary>The selector.</summary>
    public string Selector { get; }

    /// <summary>Signs <paramref name="message"/> in place; the message must not change afterwards.</summary>
    /// <param name="message">A complete message; its headers and body are final.</param>
    public void Sign(MimeMessage message) => _signer.Sign(WireFormat.Options, message, _headers);
}
