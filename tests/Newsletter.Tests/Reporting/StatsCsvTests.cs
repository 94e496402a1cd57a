using Newsletter.Reporting;

namespace Newsletter.Tests.Reporting;

public class StatsCsvTests
{
    [Test]
    public void Write_TitleWithCommaQuoteAndFormula_QuotedPerRfc4180()
    {
        var stats = new IssueStats("2026-11-20-x", "Say \"hi\", =SUM(A1)", 10, [new OptionVotes("=cmd|'/c calc'!A0", "", 5, 3)], 3, 5, 0.3, []);
        var writer = new StringWriter();
        StatsCsv.Write(writer, [stats]);
        var lines = writer.ToString().Split("\r\n");
        Assert.That(lines[0], Is.EqualTo(string.Join(',', StatsCsv.Header)));
        Assert.That(lines[1], Is.EqualTo("2026-11-20-x,\"Say \"\"hi\"\", =SUM(A1)\",10,3,0.3,5,5,'=cmd|'/c calc'!A0,3,0,0,,,,,,"));
        Assert.That(lines[2], Is.Empty, "every row ends with CRLF");
    }

    [Test]
    public void Write_TextCellsStartingWithTabCrPlusMinusAt_AreGuardedNumbersAreNot()
    {
        var stats = new IssueStats("-s", "\tT", 10, [new OptionVotes("@x", "", -1, 3), new OptionVotes("\r+y", "", 2, 0)], 3, -0.5, 0.3, []);
        var writer = new StringWriter();

        StatsCsv.Write(writer, [stats]);

        var lines = writer.ToString().Split("\r\n");
        Assert.That(lines[1], Is.EqualTo("'-s,'\tT,10,3,0.3,-0.5,-1,'@x,3,0,0,,,,,,"));
        Assert.That(lines[2], Is.EqualTo("'-s,'\tT,10,3,0.3,-0.5,2,\"'\r+y\",0,0,0,,,,,,"));
    }

    [Test]
    public void Write_NoResponses_LeavesAverageAndRateEmpty()
    {
        var stats = new IssueStats("s", "T", 0, [new OptionVotes("Great", "🙂", 4, 0)], 0, null, null, []);
        var writer = new StringWriter();
        StatsCsv.Write(writer, [stats]);
        Assert.That(writer.ToString().Split("\r\n")[1], Is.EqualTo("s,T,0,0,,,4,Great,0,0,,,,,,,"));
    }

    [Test]
    public void Write_UnsubscribesBouncesAndComplaints_AreLastColumnsWithRatesOfDelivered()
    {
        var stats = new IssueStats("s", "T", 200, [new OptionVotes("Great", "", 4, 1)], 1, 4, 0.005, [])
        {
            Unsubscribes = 3,
            Bounces = new Newsletter.Delivery.Bounces.BounceCounts(2, 5, 1),
        };
        var writer = new StringWriter();
        StatsCsv.Write(writer, [stats]);
        var lines = writer.ToString().Split("\r\n");
        Assert.That(lines[0], Does.EndWith(",option_votes,unsubscribes,unsubscribe_rate,hard_bounces,hard_bounce_rate,soft_bounces,soft_bounce_rate,complaints,complaint_rate"));
        Assert.That(lines[1], Is.EqualTo("s,T,200,1,0.005,4,4,Great,1,3,0.015,2,0.01,5,0.025,1,0.005"));
    }

    [Test]
    public void Trend_SkipsIssuesWithoutResponses_KeepsOrder()
    {
        IssueStats Issue(string slug, double? average) => new(slug, slug, 1, [], average is null ? 0 : 1, average, null, []);
        var trend = StatsReport.Trend([Issue("a", 4.5), Issue("b", null), Issue("c", 3.25)]);
        Assert.That(trend, Is.EqualTo(new[] { ("a", 4.5), ("c", 3.25) }));
    }
}
