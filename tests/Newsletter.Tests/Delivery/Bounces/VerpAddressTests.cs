using System.Security.Cryptography;
using Newsletter.Delivery.Bounces;
using Newsletter.Signing;

namespace Newsletter.Tests.Delivery.Bounces;

public class VerpAddressTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Test]
    public void EnvelopeFor_Delivery_IsBounceLocalPlusTokenAtDomain()
    {
        var verp = new VerpAddress("Bounces@News.Example.com", new SigningKeyRing([Key]));
        var envelope = verp.EnvelopeFor(1234);
        Assert.That(envelope, Does.Match(@"^Bounces\+1234-[a-z2-7]{8}@news\.example\.com$"));
    }

    [Test]
    public void TryVerify_TokenAfterAMailSystemChangedItsCase_GivesTheDeliveryId()
    {
        var verp = new VerpAddress("bounces@news.example.com", new SigningKeyRing([Key]));
        var shouted = verp.EnvelopeFor(987654321).ToUpperInvariant();
        Assert.That(verp.TryFindToken($"\"Bounce\" <{shouted}>", out var token), Is.True);
        Assert.That(verp.TryVerify(token, out var id), Is.True);
        Assert.That(id, Is.EqualTo(987654321));
    }

    [Test]
    public void TryVerify_TokenNamingAnotherDelivery_Fails()
    {
        var verp = new VerpAddress("bounces@news.example.com", new SigningKeyRing([Key]));
        var token = verp.TokenFor(41);
        Assert.That(verp.TryVerify("42" + token[2..], out _), Is.False);
        Assert.That(verp.TryVerify(token[..^1] + (token[^1] == 'a' ? 'b' : 'a'), out _), Is.False);
        Assert.That(verp.TryVerify("41-", out _), Is.False);
        Assert.That(verp.TryVerify("x", out _), Is.False);
    }

    [Test]
    public void TryVerify_AfterKeyRotation_AcceptsTokensOfTheOldKey()
    {
        var old = new VerpAddress("bounces@news.example.com", new SigningKeyRing([Key]));
        var rotated = new VerpAddress("bounces@news.example.com", new SigningKeyRing([RandomNumberGenerator.GetBytes(32), Key]));
        Assert.That(rotated.TryVerify(old.TokenFor(7), out var id), Is.True);
        Assert.That(id, Is.EqualTo(7));
        var stranger = new VerpAddress("bounces@news.example.com", new SigningKeyRing([RandomNumberGenerator.GetBytes(32)]));
        Assert.That(stranger.TryVerify(old.TokenFor(7), out _), Is.False);
    }

    [Test]
    public void TryFindToken_OtherAddresses_FindsNothing()
    {
        var verp = new VerpAddress("bounces@news.example.com", new SigningKeyRing([Key]));
        Assert.That(verp.TryFindToken("bounces@news.example.com", out _), Is.False);
        Assert.That(verp.TryFindToken("bounces+1-aaaaaaaa@other.example.com", out _), Is.False);
        Assert.That(verp.TryFindToken("someone+1-aaaaaaaa@news.example.com", out _), Is.False);
    }

    [Test]
    public void Constructor_AddressWithPlus_IsRefused()
    {
        var error = Assert.Throws<InputException>(() => new VerpAddress("bounces+x@news.example.com", new SigningKeyRing([Key])))!;
        Assert.That(error.Message, Does.Contain("may not contain '+'"));
    }
}
