using System.Security.Cryptography;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Signing;

public class FormTokenTests
{
    private static readonly SigningKeyRing Keys = new([RandomNumberGenerator.GetBytes(32)]);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    [Test]
    public void Verify_OwnToken_GivesKindAndIssueTime()
    {
        var forms = new FormToken(Keys, _clock);
        var token = forms.Create(FormKind.PageVote, "vote-link");
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.That(forms.TryVerify(token, "vote-link", TimeSpan.FromHours(1), out var kind, out var at), Is.True);
        Assert.That(kind, Is.EqualTo(FormKind.PageVote));
        Assert.That(at, Is.EqualTo(_clock.GetUtcNow() - TimeSpan.FromSeconds(3)));
        Assert.That(token, Has.Length.EqualTo(36));
    }

    [Test]
    public void Verify_OtherLinkKindOrKey_IsRefused()
    {
        var forms = new FormToken(Keys, _clock);
        var token = forms.Create(FormKind.ThankYou, "vote-link");
        Assert.That(forms.TryVerify(token, "other-link", TimeSpan.FromHours(1), out _, out _), Is.False);
        Assert.That(forms.TryVerify(token, "vote-link", TimeSpan.FromHours(1), [FormKind.PageVote, FormKind.PressedVote], out _, out _), Is.False);
        var stranger = new FormToken(new SigningKeyRing([RandomNumberGenerator.GetBytes(32)]), _clock);
        Assert.That(stranger.TryVerify(token, "vote-link", TimeSpan.FromHours(1), out _, out _), Is.False);
    }

    [Test]
    public void Verify_ExpiredOrFromTheFuture_IsRefused()
    {
        var forms = new FormToken(Keys, _clock);
        var token = forms.Create(FormKind.PageVote, "link");
        var future = forms.Create(FormKind.PageVote, "link", _clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        Assert.That(forms.TryVerify(token, "link", TimeSpan.FromHours(2), out _, out _), Is.False);
        Assert.That(forms.TryVerify(future, "link", TimeSpan.FromHours(3), out _, out _), Is.True, "an hour later it is in the past");
        Assert.That(new FormToken(Keys, new ManualClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero)))
            .TryVerify(future, "link", TimeSpan.FromHours(3), out _, out _), Is.False, "a token from the future");
    }

    [Test]
    public void Verify_EveryAlteredCharacter_IsRefused()
    {
        var forms = new FormToken(Keys, _clock);
        var token = forms.Create(FormKind.PressedVote, "link");
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var i = 0; i < token.Length; i++)
        {
            var altered = token[..i] + alphabet[(alphabet.IndexOf(token[i]) + 1) % alphabet.Length] + token[(i + 1)..];
            Assert.That(forms.TryVerify(altered, "link", TimeSpan.FromDays(1), out _, out _), Is.False, $"altered at {i}");
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Verify_Garbage_IsRefused(string? token) =>
        Assert.That(new FormToken(Keys, _clock).TryVerify(token, "link", TimeSpan.FromDays(1), out _, out _), Is.False);
}
