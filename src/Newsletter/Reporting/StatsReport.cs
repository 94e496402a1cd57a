// Computes IssueStats from the ledger and the votes.
using Newsletter.Authoring;
using Newsletter.Delivery;
using Newsletter.Polls;

namespace Newsletter.Reporting;

/// <summary>Builds <see cref="IssueStats"/> for recorded issues.</summary>
public sealed class StatsReport(IssueStore issues, VoteStore votes)
{
    /// <summary>Figures for every recorded issue, oldest first.</summary>
    public IReadOnlyList<IssueStats> ForAll() => issues.List().Select(For).ToList();

    /// <summary>Figures for one issue.</summary>
    public IssueStats For(IssueRecord issue)
    {
        var tally = votes.Tally(issue.Id);
        var poll = issue.Poll ?? PollDefinition.Default;
        var options = poll.Options.Select(o => new OptionVotes(o.Label, o.Emoji, o.Value, tally.GetValueOrDefault(o.Value))).ToList();
        var responses = tally.Values.Sum();
        var delivered = votes.Delivered(issue.Id);
        double? average = responses == 0 ? null : Math.Round(tally.Sum(kv => (double)kv.Key * kv.Value) / responses, 2);
        double? rate = delivered == 0 ? null : Math.Round((double)responses / delivered, 4);
        return new IssueStats(issue.Slug, issue.Title, delivered, options, responses, average, rate);
    }
}
