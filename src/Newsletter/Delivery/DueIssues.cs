// Finds the issues `send --due` should send now.
using Newsletter.Authoring;

namespace Newsletter.Delivery;

/// <summary>
/// Scans the issues folder for issues that are due (the schedule set by <c>newsletter schedule</c>, else the file's
/// <c>send_at</c>, has passed), not completely sent, and neither paused nor cancelled. A welcome issue is never due:
/// it goes to each subscriber on their own (see <see cref="WelcomeIssue"/> and <see cref="WelcomeQueue"/>).
/// </summary>
public static class DueIssues
{
    /// <summary>The due issues, earliest due time first; malformed files are returned in <paramref name="problems"/> and skipped.</summary>
    /// <param name="issuesFolder">The folder of <c>YYYY-MM-DD-slug.md</c> files.</param>
    /// <param name="store">Recorded issues (schedules, pauses, cancellations).</param>
    /// <param name="now">The current time.</param>
    /// <param name="problems">Files that could not be parsed, with their positions.</param>
    public static IReadOnlyList<Issue> Find(string issuesFolder, IssueStore store, DateTimeOffset now, out IReadOnlyList<NewsletterException> problems)
    {
        var found = new List<(Issue Issue, DateTimeOffset At)>();
        var errors = new List<NewsletterException>();
        if (Directory.Exists(issuesFolder))
        {
            foreach (var file in Directory.EnumerateFiles(issuesFolder, "*.md").Order(StringComparer.Ordinal))
            {
                try
                {
                    var issue = IssueParser.Load(file);
                    if (issue.Welcome) continue;
                    var record = store.FindBySlug(issue.Slug);
                    if (record is not null && (record.Status == "sent" || IssueSender.BlockedReason(record) is not null)) continue;
                    if ((record?.ScheduledAt ?? issue.SendAt) is { } at && at <= now) found.Add((issue, at));
                }
                catch (NewsletterException e)
                {
                    errors.Add(e);
                }
            }
        }
        problems = errors;
        return found.OrderBy(f => f.At).Select(f => f.Issue).ToList();
    }
}
