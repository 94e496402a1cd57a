using static Newsletter.Liquid.Tests.TestTemplates;

namespace Newsletter.Liquid.Tests.Filters;

public class DateFiltersTests
{
    private static readonly LiquidOptions Utc = new() { TimeZone = TimeZoneInfo.Utc };

    [TestCase("{{ '2016-03-14T10:05:09Z' | date: '%Y-%m-%d %H:%M:%S' }}", "2016-03-14 10:05:09")]
    [TestCase("{{ 'March 14, 2016' | date: '%a %A %b %B %-d %e %j %y %C' }}", "Mon Monday Mar March 14 14 074 16 20")]
    [TestCase("{{ 1152098955 | date: '%m/%d/%Y %I:%M %p %P %s' }}", "07/05/2006 11:29 AM am 1152098955")]
    [TestCase("{{ '2016-03-14 18:30:00 +0100' | date: '%H:%M %z %:z' }}", "18:30 +0100 +01:00")]
    [TestCase("{{ '2016-01-03' | date: '%U %W %V %G %u %w' }}", "01 00 53 2015 7 0")]
    [TestCase("{{ '2016-03-04' | date: '%^a %-m/%-d %10Y|%%|%F %D %T %R' }}", "FRI 3/4 0000002016|%|2016-03-04 03/04/16 00:00:00 00:00")]
    [TestCase("{{ '05/01/2021' | date: '%b %-d' }} {{ '2021-01-01 10:00:00 UTC' | date: '%H %z' }}", "Jan 5 10 +0000")]
    [TestCase("{{ 'not a date' | date: '%Y' }} {{ nil | date: '%Y' }}. {{ 'x' | date: '' }}", "not a date . x")]
    public void Render_DateFilter_FormatsLikeRubyStrftime(string source, string expected)
    {
        Assert.That(Render(source, null, Utc), Is.EqualTo(expected));
    }

    [Test]
    public void Render_NowWithFixedRenderTime_UsesRenderOptionsAndTimeZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");
        var template = LiquidTemplate.Parse("{{ 'now' | date: '%Y-%m-%d %H:%M %z' }} {{ 'today' | date: '%d' }}");

        var output = template.Render(null, new LiquidRenderContextOptions { Now = new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.Zero), TimeZone = zone });

        Assert.That(output, Is.EqualTo("2025-01-01 01:30 +0200 01"));
    }

    [Test]
    public void Render_UtcDateTimeModelValue_IsShownInConfiguredZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Minus5", TimeSpan.FromHours(-5), "Minus5", "Minus5");
        var model = Model(("sent", new DateTime(2024, 1, 2, 3, 0, 0, DateTimeKind.Utc)));

        Assert.That(Render("{{ sent | date: '%d %H' }}", model, new LiquidOptions { TimeZone = zone }), Is.EqualTo("01 22"));
    }
}
