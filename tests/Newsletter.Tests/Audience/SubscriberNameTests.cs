using Newsletter.Audience;

namespace Newsletter.Tests.Audience;

public class SubscriberNameTests
{
    [TestCase(null)]
    [TestCase("  ")]
    [TestCase("Ada Lovelace")]
    [TestCase("Hubert Blaine Wolfeschlegelsteinhausenbergerdorff")]
    [TestCase("محمد بن موسى الخوارزمي")]
    public void TryValidate_OrdinaryName_Passes(string? name)
    {
        Assert.That(SubscriberName.TryValidate(name, out var reason), Is.True, reason);
    }

    [TestCase("Ada\u001b[31m", "the name contains the control character U+001B at character 4; names are plain text")]
    [TestCase("Ada\nBob", "the name contains the control character U+000A at character 4; names are plain text")]
    [TestCase("Ada\tLovelace", "the name contains the control character U+0009 at character 4; names are plain text")]
    [TestCase("Ada\u009b2J", "the name contains the control character U+009B at character 4; names are plain text")]
    [TestCase("Ada\u007f", "the name contains the control character U+007F at character 4; names are plain text")]
    public void TryValidate_ControlCharacter_NamesIt(string name, string expected)
    {
        Assert.That(SubscriberName.TryValidate(name, out var reason), Is.False);
        Assert.That(reason, Is.EqualTo(expected));
    }

    [Test]
    public void TryValidate_LongerThan200_Fails()
    {
        var name = string.Join(' ', Enumerable.Repeat("abcdefghi", 21));

        Assert.That(SubscriberName.TryValidate(name, out var reason), Is.False);
        Assert.That(reason, Is.EqualTo("the name is longer than 200 characters"));
    }

    [Test]
    public void TryValidate_Exactly200_Passes()
    {
        var name = string.Join(' ', Enumerable.Repeat("abcdefghi", 20));

        Assert.That(name.Length, Is.EqualTo(199));
        Assert.That(SubscriberName.TryValidate(name + "x", out _), Is.True);
    }

    [Test]
    public void TryValidate_WordOver64_Fails()
    {
        Assert.That(SubscriberName.TryValidate("Ada " + new string('x', 65), out var reason), Is.False);
        Assert.That(reason, Is.EqualTo("the name has a word longer than 64 characters (at character 5)"));
    }

    [Test]
    public void Normalize_Padded_Trims()
    {
        Assert.That(SubscriberName.Normalize("  Ada  "), Is.EqualTo("Ada"));
    }
}
