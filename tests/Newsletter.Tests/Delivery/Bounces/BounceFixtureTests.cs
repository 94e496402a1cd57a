// Every real bounce in Fixtures/bounces against what reading it by hand says (expected.tsv).
using MimeKit;
using Newsletter.Delivery.Bounces;

namespace Newsletter.Tests.Delivery.Bounces;

public class BounceFixtureTests
{
    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "bounces");

    public sealed record Expectation(string File, BounceKind Kind, string? Recipient, string? Status)
    {
        public override string ToString() => File;
    }

    public static IEnumerable<Expectation> Expectations()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bounces");
        foreach (var line in File.ReadLines(Path.Combine(folder, "expected.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            yield return new Expectation(cells[0], BounceKindText.Parse(cells[1]), cells[2] == "-" ? null : cells[2], cells[3] == "-" ? null : cells[3]);
        }
    }

    [TestCaseSource(nameof(Expectations))]
    public void Parse_Fixture_GivesKindRecipientAndStatusReadByHand(Expectation expected)
    {
        var report = Parse(expected.File);
        Assert.Multiple(() =>
        {
            Assert.That(report.Kind, Is.EqualTo(expected.Kind), "kind");
            Assert.That(report.Recipient, Is.EqualTo(expected.Recipient).IgnoreCase, "recipient");
            Assert.That(report.StatusCode, Is.EqualTo(expected.Status), "status");
        });
    }

    [Test]
    public void Parse_EveryFixture_HasAnExpectationAndIsUnderstood()
    {
        var expected = Expectations().ToDictionary(e => e.File);
        var files = Directory.EnumerateFiles(Folder, "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.EqualTo(192));
        Assert.That(files.Where(f => !expected.ContainsKey(f!)), Is.Empty, "fixtures without an expectation");
        var understood = files.Count(f =>
        {
            var report = Parse(f!);
            var e = expected[f!];
            return report.Kind == e.Kind && string.Equals(report.Recipient, e.Recipient, StringComparison.OrdinalIgnoreCase);
        });
        TestContext.Out.WriteLine($"understood (kind and recipient): {understood} of {files.Count}");
        Assert.That(understood, Is.EqualTo(files.Count));
    }

    [Test]
    public void Parse_Fixture_ReportsItsOwnMessageIdAndTheReturnedOne()
    {
        var dsn = Parse("lhost-postfix-33.eml");
        Assert.That(dsn.ReportMessageId, Is.EqualTo("20150429233445.7620000C1A@p6.libsisimai.org"));
        Assert.That(dsn.OriginalMessageId, Is.EqualTo("20150429233445.BB8FFFFC16@p6.libsisimai.org"));
        var pasted = Parse("lhost-qmail-11.eml");
        Assert.That(pasted.ReportMessageId, Is.Null);
        Assert.That(pasted.OriginalMessageId, Is.EqualTo("20240624084801.44371.qmail@nq.example.jp"));
        Assert.That(Parse("arf-21.eml").OriginalMessageId, Is.EqualTo("00000000000000000000000022222222@example.net"));
    }

    private static BounceReport Parse(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, file));
        return new BounceParser().Parse(MimeMessage.Load(stream));
    }
}
