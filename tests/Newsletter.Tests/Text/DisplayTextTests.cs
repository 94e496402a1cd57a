using Newsletter.Text;

namespace Newsletter.Tests.Text;

public class DisplayTextTests
{
    [TestCase("Ada\u001b[31mRed", "Ada\uFFFD[31mRed")]
    [TestCase("bell\u0007 csi\u009b2J", "bell\uFFFD csi\uFFFD2J")]
    [TestCase("line\nbreak\ttab", "line\uFFFDbreak\uFFFDtab")]
    [TestCase("moc.elpmaxe@\u202Eada", "moc.elpmaxe@\uFFFDada")]
    [TestCase("iso\u2066late\u2069", "iso\uFFFDlate\uFFFD")]
    public void ForTerminal_ControlOrBidiCharacter_IsReplaced(string text, string expected)
    {
        Assert.That(DisplayText.ForTerminal(text), Is.EqualTo(expected));
    }

    [TestCase("Zoë Ångström 李小龍 محمد 🙂")]
    [TestCase("")]
    public void ForTerminal_OrdinaryText_IsKept(string text)
    {
        Assert.That(DisplayText.ForTerminal(text), Is.SameAs(text));
    }

    [Test]
    public void WithoutBidiControls_OverrideAndIsolates_AreRemovedOtherTextKept()
    {
        Assert.That(DisplayText.WithoutBidiControls("great\u202E issue \u2067محمد\u2069\u200F!"), Is.EqualTo("great issue محمد!"));
    }
}
