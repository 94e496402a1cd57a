// Computes IssueStats from the ledger, the votes, the unsubscribes and the bounce reports.
using Newsletter.Audience;
using Newsletter.Delivery;
using Newsletter.Delivery.Bounces;
using Newsletter.Polls;

namespace Newsletter.Reporting;

/// <summary>Builds <see cref="IssueStats"/> for recorded issues.</summary>
public sealed class StatsReport(IssueStore issues, VoteStore votes, BounceStore bounces, Unsubscribes unsubscribes)
{
    /// <summary>Figures for every recorded issue with a poll, oldest first; addresses only when <paramref name="withPeople"/>.</summary>
    public IReadOnlyList<IssueStats> ForAll(bool withPeople = false) =>
        issues.List().Where(i => i.Poll is not null).Select(i => For(i, withPeople)).ToList();

    /// <summary>Figures for one issue; addresses only when <paramref name="withPeople"/>.</summary>
    public IssueStats For(IssueRecord issue, bool withPeople = false)
    {
        var tally = votes.Tally(issue.Id);
        var options = (issue.Poll?.Options ?? []).Select(o => new OptionVotes(o.Label, o.Emoji, o.Value, tally.GetValueOrDefault(o.Value))).ToList();
        var responses = tally.Values.Sum();
        var delivered = votes.Delivered(issue.Id);
        double? average = responses == 0 ? null : Math.Round(tally.Sum(kv => (double)kv.Key * kv.Value) / responses, 2);
        double? rate = delivered == 0 ? null : Math.Round((double)responses / delivered, 4);
        var comments = votes.Comments(issue.Id).Select(c => new CommentEntry(c.Rating, c.Text, c.At, withPeople ? c.Email : null)).ToList();
        return new IssueStats(issue.Slug, issue.Title, delivered, options, responses, average, rate, comments)
        {
            Bounces = bounces.PeopleCounts(issue.Id),
            Unsubscribes = unsubscribes.CountForIssue(issue.Id),
        };
    }

    /// <summary>The average rating of each issue that has responses, oldest first: the trend across issues.</summary>
    public static IReadOnlyList<(string Slug, double Average)> Trend(IEnumerable<IssueStats> stats) =>
        stats.Where(s => s.Average is not null).Select(s => (s.Slug, s.Average!.Value)).ToList();
}
