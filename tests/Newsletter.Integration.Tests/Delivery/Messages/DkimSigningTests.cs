// DKIM signatures the composer adds, verified by dkimpy (an independent implementation) with the test key.
using System.Security.Cryptography;
using MimeKit;
using Newsletter.Delivery.Messages;
using Newsletter.Integration.Tests.Peers;

namespace Newsletter.Integration.Tests.Delivery.Messages;

[TestFixture]
public sealed class DkimSigningTests
{
    private RSA _key = null!;
    private string _folder = null!;
    private DkimMessageSigner _signer = null!;

    [OneTimeSetUp]
    public void CreateKey()
    {
        _key = RSA.Create(2048);
        _folder = Directory.CreateTempSubdirectory("newsletter-dkim-").FullName;
        var keyFile = Path.Combine(_folder, "dkim.pem");
        File.WriteAllText(keyFile, _key.ExportRSAPrivateKeyPem());
        _signer = new DkimMessageSigner("xn--bcher-kva.example", "news2026", keyFile);
    }

    [OneTimeTearDown]
    public void RemoveKey()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Write(MimeMessage message, string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, WireFormat.ToBytes(message));
        return path;
    }

    private MimeMessage Signed() => MessageComposerRoundTripTests.Composer(_signer)
        .Compose(MessageComposerRoundTripTests.Email(), MessageComposerRoundTripTests.Reader(), "slug.42@bücher.example", "slug");

    [Test]
    public void Compose_WithSigner_SignatureCoversTheOneClickHeadersAndVerifies()
    {
        var message = Signed();
        var signature = message.Headers[HeaderId.DkimSignature];
        Assert.That(signature, Does.Contain("a=rsa-sha256").And.Contain("c=relaxed/relaxed").And.Contain("d=xn--bcher-kva.example").And.Contain("s=news2026"));
        var signed = signature!.Split("h=")[1].Split(';')[0].Replace(" ", "").Replace("\r\n", "").Replace("\t", "").ToLowerInvariant().Split(':');
        Assert.That(signed, Is.SupersetOf(new[] { "from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post" }));

        var verdicts = DkimVerifier.Verify(_key, Write(message, "signed.eml"));
        Assert.That(verdicts.Single(), Does.StartWith("PASS"));
    }

    [Test]
    public void Compose_SignedOnManyThreadsAtOnce_EverySignatureVerifies()
    {
        var composer = MessageComposerRoundTripTests.Composer(_signer);
        var files = new string[64];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var reader = MessageComposerRoundTripTests.Reader() with { Id = i, Email = $"reader{i}@example.org" };
            var email = MessageComposerRoundTripTests.Email() with { Subject = $"Issue for reader {i}" };
            files[i] = Write(composer.Compose(email, reader, $"slug.{i}@xn--bcher-kva.example", "slug"), $"parallel-{i}.eml");
        });
        var verdicts = DkimVerifier.Verify(_key, files);
        Assert.That(verdicts, Has.Count.EqualTo(files.Length));
        Assert.That(verdicts, Has.All.StartWith("PASS"), string.Join("\n", verdicts.Where(v => !v.StartsWith("PASS", StringComparison.Ordinal))));
    }

    [Test]
    public void Compose_SignedThenTampered_FailsVerification()
    {
        var subject = Write(Signed(), "tampered-subject.eml");
        File.WriteAllText(subject, File.ReadAllText(subject).Replace("Subject: =?", "Subject: =?x", StringComparison.Ordinal));
        var unsubscribe = Write(Signed(), "tampered-unsubscribe.eml");
        File.WriteAllText(unsubscribe, File.ReadAllText(unsubscribe).Replace("/unsubscribe/AZACAQ", "/unsubscribe/EVILAQ", StringComparison.Ordinal));
        var body = Write(Signed(), "tampered-body.eml");
        File.WriteAllText(body, File.ReadAllText(body).Replace("Ende.", "Ende!", StringComparison.Ordinal));

        var verdicts = DkimVerifier.Verify(_key, subject, unsubscribe, body);
        Assert.That(verdicts, Has.Count.EqualTo(3));
        Assert.That(verdicts, Has.All.StartWith("FAIL"), string.Join("\n", verdicts));
    }

    [Test]
    public void Constructor_FileWithoutAKey_NamesTheProblem()
    {
        var file = Path.Combine(_folder, "not-a-key.pem");
        File.WriteAllText(file, "hello");
        var error = Assert.Throws<CryptographicException>(() => _ = new DkimMessageSigner("example.com", "s1", file));
        Assert.That(error!.Message, Does.Contain(file));
    }
}
