// One DKIM signature's hash-then-sign state, as the ISigner shape MimeKit's DKIM code writes into.
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Newsletter.Delivery.Messages;

/// <summary>SHA-256 over what MimeKit writes, then an RSA PKCS#1 v1.5 signature with the platform's RSA.</summary>
internal sealed class RsaSigningContext(RSA rsa) : ISigner
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string AlgorithmName => "SHA-256withRSA";

    public void Init(bool forSigning, ICipherParameters parameters)
    {
        if (!forSigning) throw new NotSupportedException("this context only signs");
    }

    public void Update(byte input) => _hash.AppendData([input]);

    public void BlockUpdate(byte[] input, int inOff, int inLen) => _hash.AppendData(input, inOff, inLen);

    public void BlockUpdate(ReadOnlySpan<byte> input) => _hash.AppendData(input);

    public int GetMaxSignatureSize() => rsa.KeySize / 8;

    public byte[] GenerateSignature() => rsa.SignHash(_hash.GetHashAndReset(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool VerifySignature(byte[] signature) =>
        rsa.VerifyHash(_hash.GetHashAndReset(), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Reset() => _hash.GetHashAndReset();
}
