using Newsletter.Text;

namespace Newsletter.Tests.Text;

public class CsvFormulaGuardTests
{
    [TestCase("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [TestCase("+1", "'+1")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tcmd", "'\tcmd")]
    [TestCase("\rcmd", "'\rcmd")]
    [TestCase("'=already", "''=already")]
    [TestCase("'quoted", "''quoted")]
    [TestCase("Ada", "Ada")]
    [TestCase("a=b", "a=b")]
    [TestCase("", "")]
    public void Guard_Cell_IsPrefixedWhenASpreadsheetWouldRunIt(string cell, string expected)
    {
        Assert.That(CsvFormulaGuard.Guard(cell), Is.EqualTo(expected));
    }

    [TestCase("=x")]
    [TestCase("'=x")]
    [TestCase("''=x")]
    [TestCase("'")]
    [TestCase("''")]
    [TestCase("'Ana")]
    [TestCase("-")]
    [TestCase("plain")]
    public void Unguard_GuardedCell_GivesTheOriginal(string cell)
    {
        Assert.That(CsvFormulaGuard.Unguard(CsvFormulaGuard.Guard(cell)), Is.EqualTo(cell));
    }

    [TestCase("'Ana")]
    [TestCase("'")]
    public void Unguard_ApostropheBeforeOrdinaryText_IsKept(string cell)
    {
        Assert.That(CsvFormulaGuard.Unguard(cell), Is.EqualTo(cell));
    }
}
