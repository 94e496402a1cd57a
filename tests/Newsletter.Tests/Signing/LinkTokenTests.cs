using System.Security.Cryptography;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Signing;

public class LinkTokenTests
{
    private static readonly SigningKeyRing Keys = new([RandomNumberGenerator.GetBytes(32)]);

    [Test]
    public void Verify_OwnToken_ReturnsClaims()
    {
        var tokens = new LinkToken(Keys, TimeProvider.System);
        var token = tokens.Create(LinkPurpose.Vote, 42, 123456, 5);
        Assert.That(tokens.TryVerify(token, LinkPurpose.Vote, null, out var claims), Is.True);
        Assert.That(claims, Is.EqualTo(claims! with { IssueId = 42, SubscriberId = 123456, Argument = 5 }));
        Assert.That(token.Length, Is.LessThan(40), "tokens stay compact");
    }

    [Test]
    public void Verify_EveryAlteredCharacter_IsRefused()
    {
        var tokens = new LinkToken(Keys, TimeProvider.System);
        var token = tokens.Create(LinkPurpose.Vote, 1, 2, 3);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var i = 0; i < token.Length; i++)
        {
            var replacement = alphabet[(alphabet.IndexOf(token[i]) + 1) % alphabet.Length];
            var altered = token[..i] + replacement + token[(i + 1)..];
            Assert.That(tokens.TryVerify(altered, LinkPurpose.Vote, null, out _), Is.False, $"altered at {i}");
        }
    }

    [Test]
    public void Verify_OtherPurpose_IsRefused()
    {
        var tokens = new LinkToken(Keys, TimeProvider.System);
        var token = tokens.Create(LinkPurpose.Unsubscribe, 1, 2);
        Assert.That(tokens.TryVerify(token, LinkPurpose.Vote, null, out _), Is.False);
    }

    [Test]
    public void Verify_OtherKey_IsRefused()
    {
        var token = new LinkToken(Keys, TimeProvider.System).Create(LinkPurpose.Vote, 1, 2, 3);
        var stranger = new LinkToken(new SigningKeyRing([RandomNumberGenerator.GetBytes(32)]), TimeProvider.System);
        Assert.That(stranger.TryVerify(token, LinkPurpose.Vote, null, out _), Is.False);
    }

    [Test]
    public void Verify_RotatedKeyRing_StillAcceptsOldTokens()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var token = new LinkToken(new SigningKeyRing([oldKey]), TimeProvider.System).Create(LinkPurpose.Vote, 7, 8, 4);
        var rotated = new LinkToken(new SigningKeyRing([RandomNumberGenerator.GetBytes(32), oldKey]), TimeProvider.System);
        Assert.That(rotated.TryVerify(token, LinkPurpose.Vote, null, out _), Is.True);
    }

    [Test]
    public void Verify_RotatedKeyWithTheSameKeyId_StillAcceptsOldTokens()
    {
        // Find two keys whose one-byte ids collide, as happens once in 256 rotations.
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var oldId = System.Security.Cryptography.SHA256.HashData(oldKey)[0];
        byte[] newKey;
        do newKey = RandomNumberGenerator.GetBytes(32);
        while (System.Security.Cryptography.SHA256.HashData(newKey)[0] != oldId);
        var token = new LinkToken(new SigningKeyRing([oldKey]), TimeProvider.System).Create(LinkPurpose.Vote, 7, 8, 4);
        var rotated = new LinkToken(new SigningKeyRing([newKey, oldKey]), TimeProvider.System);
        Assert.That(rotated.TryVerify(token, LinkPurpose.Vote, null, out _), Is.True);
        Assert.That(rotated.TryVerify(rotated.Create(LinkPurpose.Vote, 7, 8, 4), LinkPurpose.Vote, null, out _), Is.True);
    }

    [Test]
    public void Verify_ExpiredToken_IsRefused()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var tokens = new LinkToken(Keys, clock);
        var token = tokens.Create(LinkPurpose.Vote, 1, 2, 3);
        clock.Advance(TimeSpan.FromDays(31));
        Assert.That(tokens.TryVerify(token, LinkPurpose.Vote, TimeSpan.FromDays(30), out _), Is.False);
        Assert.That(tokens.TryVerify(token, LinkPurpose.Vote, TimeSpan.FromDays(60), out _), Is.True);
    }

    [TestCase("")]
    [TestCase("not-a-token")]
    [TestCase("!!!!")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Verify_Garbage_IsRefused(string token) =>
        Assert.That(new LinkToken(Keys, TimeProvider.System).TryVerify(token, LinkPurpose.Vote, null, out _), Is.False);
}
