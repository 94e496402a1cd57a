using Newsletter.Audience;

namespace Newsletter.Tests.Audience;

public class EmailAddressTests
{
    [TestCase("ada@example.com", "ada@example.com")]
    [TestCase("  Ada.Lovelace+news@Example.COM ", "Ada.Lovelace+news@example.com")]
    [TestCase("jürgen@bücher.de", null)]
    [TestCase("info@bücher.de", "info@xn--bcher-kva.de")]
    public void Normalize_ValidAddress_ReturnsNormalForm(string input, string? expected)
    {
        if (expected is null)
        {
            Assert.That(EmailAddress.TryNormalize(input, out _, out var reason), Is.False);
            Assert.That(reason, Does.Contain("ü"));
            return;
        }
        Assert.That(EmailAddress.Normalize(input), Is.EqualTo(expected));
    }

    [TestCase("", "empty")]
    [TestCase("bob", "has no '@'")]
    [TestCase("bob@", "no domain")]
    [TestCase("@example.com", "nothing before")]
    [TestCase("bob..x@example.com", "misplaced dot")]
    [TestCase("bob@localhost", "at least one dot")]
    [TestCase("bob@-bad.com", "'-bad.com' is not a valid")]
    [TestCase("bob@bad-.com", "'bad-.com' is not a valid")]
    [TestCase("bob smith@example.com", "contains ' '")]
    [TestCase("bob@example.123", "ends in a number")]
    public void TryNormalize_InvalidAddress_GivesReason(string input, string reasonPart)
    {
        Assert.That(EmailAddress.TryNormalize(input, out var normalized, out var reason), Is.False);
        Assert.That(normalized, Is.Null);
        Assert.That(reason, Does.Contain(reasonPart));
    }

    [Test]
    public void Normalize_InvalidAddress_ThrowsInputExceptionWithTheReason() =>
        Assert.That(() => EmailAddress.Normalize("bob@"),
            Throws.TypeOf<InputException>().With.Message.Contains("no domain").And.Property(nameof(InputException.Position)).EqualTo(SourcePosition.None));

    [Test]
    public void TryNormalize_LocalPartOver64_IsRejected() =>
        Assert.That(EmailAddress.TryNormalize(new string('a', 65) + "@example.com", out _, out _), Is.False);
}
